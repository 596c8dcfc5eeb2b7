package kz.aisales.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway replicas of one Wappi number: one polls and sends, the other stands by. A leader whose database session
 * ended finds, when it is back, that the lock went to someone else and stops; when the leader goes away, the other
 * takes over within a few checks.
 */
class LeadershipIT extends GatewayTestSupport {

    private static final String NAME = "leadership-it";

    @Autowired
    DataSourceProperties database;

    @Test
    void oneReplicaPollsAndSendsAndTheOtherTakesOverWhenTheLeaderGoes() throws Exception {
        try (ConfigurableApplicationContext first = anotherGateway("--leadership.lock-name=" + NAME);
                // two more gateways in one JVM: the second registers no Spring MBeans beside the first's
                ConfigurableApplicationContext second = anotherGateway("--leadership.lock-name=" + NAME,
                        "--spring.jmx.enabled=false")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> leaders(first, second) == 1);
            ConfigurableApplicationContext leader = leads(first) ? first : second;
            ConfigurableApplicationContext standby = leader == first ? second : first;
            assertThat(running(leader)).containsExactlyInAnyOrderElementsOf(NumberLeadership.ROUTES);
            assertThat(running(standby)).as("the standby polls and sends nothing").isEmpty();

            try (Connection intruder = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                    database.determinePassword())) {
                // queued behind the leader's lock: it gets the lock the moment the leader's session ends
                CompletableFuture<Void> taken = CompletableFuture.runAsync(() -> execute(intruder,
                        "SELECT pg_advisory_lock(hashtext('wappi-number:" + NAME + "'))"));
                await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", Integer.class) == 1);
                jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND objid = hashtext('wappi-number:" + NAME + "')::oid", Boolean.class);
                taken.get();

                await().atMost(Duration.ofSeconds(10)).until(() -> running(leader).isEmpty());
                assertThat(leaders(first, second)).as("the lock is someone else's: nobody leads").isZero();
                assertThat(running(standby)).isEmpty();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> leaders(first, second) == 1);
            ConfigurableApplicationContext next = leads(first) ? first : second;
            ConfigurableApplicationContext other = next == first ? second : first;
            Instant gone = Instant.now();
            next.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> running(other).size() == NumberLeadership.ROUTES.size());
            System.out.printf("LEADERSHIP: the standby polled and sent %d ms after the leader went away%n",
                    Duration.between(gone, Instant.now()).toMillis());
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leaders(ConfigurableApplicationContext... gateways) {
        int leaders = 0;
        for (ConfigurableApplicationContext gateway : gateways) {
            leaders += gateway.isActive() && leads(gateway) ? 1 : 0;
        }
        return leaders;
    }

    private static boolean leads(ConfigurableApplicationContext gateway) {
        return gateway.getBean(NumberLeadership.class).leader();
    }

    private static List<String> running(ConfigurableApplicationContext gateway) {
        CamelContext camel = gateway.getBean(CamelContext.class);
        return NumberLeadership.ROUTES.stream()
                .filter(route -> camel.getRouteController().getRouteStatus(route) == ServiceStatus.Started).toList();
    }
}
