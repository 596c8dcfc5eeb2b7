package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both services, started from their jars, on the machine's real PostgreSQL and RabbitMQ. */
class SystemStartIT {

    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.start(Map.of());
        System.out.printf("startup to healthy: gateway %.1f s (RSS %d MB), agent %.1f s (RSS %d MB)%n",
                system.gatewayStart().toMillis() / 1000.0, system.gateway().residentMemoryMb(),
                system.agentStart().toMillis() / 1000.0, system.agent().residentMemoryMb());
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void bothHealthEndpointsAnswer200WithDatabaseAndBrokerUp() throws Exception {
        for (var service : List.of(system.gateway(), system.agent())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(service.baseUri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = new ObjectMapper().readTree(response.body());

            assertThat(response.statusCode()).as(service.name()).isEqualTo(200);
            assertThat(health.at("/components/database").asText()).isEqualTo("up");
            assertThat(health.at("/components/broker").asText()).isEqualTo("up");
            assertThat(health.at("/integrations/gemini").asText()).isEqualTo("not configured");
        }
    }

    @Test
    void consolesStayClosedWithoutAConfiguredPassword() throws Exception {
        for (var service : List.of(system.gateway(), system.agent())) {
            for (String console : List.of("/actuator/hawtio/", "/actuator/jolokia/search/org.apache.camel:type=routes,*")) {
                HttpResponse<Void> anonymous = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(service.baseUri().resolve(console)).build(), HttpResponse.BodyHandlers.discarding());
                HttpResponse<Void> defaultUser = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(service.baseUri().resolve(console))
                                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:".getBytes()))
                                .build(), HttpResponse.BodyHandlers.discarding());

                assertThat(anonymous.statusCode()).as(service.name() + console).isIn(401, 403);
                assertThat(defaultUser.statusCode()).as(service.name() + console).isIn(401, 403);
            }
        }
    }

    @Test
    void eachServiceMigratedItsOwnDatabase() throws Exception {
        assertThat(tables(RunningSystem.GATEWAY_DB)).contains("message_logs", "whitelist").doesNotContain("contacts");
        assertThat(tables(RunningSystem.AGENT_DB)).contains("contacts", "messages", "follow_ups", "scheduled_calls")
                .doesNotContain("whitelist");
    }

    @Test
    void everyQueueAndDeadLetterQueueIsDeclaredDurable() throws Exception {
        try (var connection = RunningSystem.broker(); Channel channel = connection.createChannel()) {
            for (String name : RunningSystem.QUEUES) {
                String queue = RunningSystem.queue(name);
                assertThat(channel.queueDeclarePassive(queue).getQueue()).isEqualTo(queue);
                assertThat(channel.queueDeclarePassive(queue + ".dlq").getQueue()).isEqualTo(queue + ".dlq");
            }
        }
    }

    private static List<String> tables(String database) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = RunningSystem.database(database); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
