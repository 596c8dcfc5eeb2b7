package kz.aisales.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.QueueProperties;

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
@DirtiesContext
class AgentApplicationIT {

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
    void healthReportsDatabaseAndBrokerUpAndUnconfiguredGemini() {
        ResponseEntity<Map> response = http.getForEntity("/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("status", "healthy")
                .containsEntry("components", Map.of("database", "up", "broker", "up"))
                .containsEntry("integrations", Map.of("gemini", "not configured"));
    }

    @Test
    void migrationsCreateContactsMessagesFollowUpsAndCalls() {
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' ORDER BY table_name", String.class);
        assertThat(tables).contains("contacts", "messages", "follow_ups", "scheduled_calls");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns WHERE table_name = 'contacts'"
                + " AND column_name IN ('phone_number', 'is_client', 'classification_confidence', 'classification_reason')",
                Integer.class)).isEqualTo(4);
    }

    @Test
    void everyQueueAndItsDeadLetterQueueAreDeclared() {
        for (String queue : List.of(queues.incoming(), queues.outgoing(), queues.outgoingFollowUps())) {
            assertThat(amqp.getQueueInfo(queue)).as(queue).isNotNull();
            assertThat(amqp.getQueueInfo(queues.deadLetter(queue))).as(queues.deadLetter(queue)).isNotNull();
        }
    }
}
