package kz.aisales.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kz.aisales.gateway.config.QueueProperties;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // its consumers must not outlive it: the other tests share gw-test.* queues with a Wappi stub
class GatewayApplicationIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AmqpAdmin amqp;

    @Autowired
    QueueProperties queues;

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsDatabaseAndBrokerUpAndUnconfiguredIntegrations() {
        ResponseEntity<Map> response = http.getForEntity("/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "healthy")
                .containsEntry("components", Map.of("database", "up", "broker", "up"))
                .containsEntry("integrations", Map.of("wappi", "not configured", "gemini", "not configured"));
    }

    @Test
    void migrationsCreateTheLogAndASeededWhitelist() {
        List<String> whitelisted = jdbc.queryForList("SELECT phone_number FROM whitelist ORDER BY phone_number", String.class);
        assertThat(whitelisted).contains("77018855588", "77088098009", "77752837306");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 'message_logs'"
                + " AND column_name IN ('message_id', 'phone_number', 'direction', 'status', 'reason')", Integer.class))
                .isEqualTo(5);
    }

    @Test
    void everyQueueAndItsDeadLetterQueueIsDeclared() {
        for (String queue : List.of(queues.incoming(), queues.outgoing(), queues.outgoingFollowUps(), queues.voice())) {
            assertThat(amqp.getQueueInfo(queue)).as(queue).isNotNull();
            assertThat(amqp.getQueueInfo(queues.deadLetter(queue))).as(queues.deadLetter(queue)).isNotNull();
        }
    }
}
