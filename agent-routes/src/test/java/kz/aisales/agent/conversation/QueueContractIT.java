package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Both directions of the agent's side of the queue contract ({@code docs/queues}): it takes every incoming sample
 * (none dead-lettered), and what it publishes on {@code outgoing_messages} follows the schema.
 */
class QueueContractIT extends AgentFlowSupport {

    @Autowired
    TestRestTemplate rest;

    private static final Path CONTRACT = Path.of("..", "docs", "queues");

    @Test
    void everyIncomingSampleIsTakenAndNoneIsDeadLettered() throws Exception {
        stubModerator(true);
        stubSales("Здравствуйте! Чем могу помочь?", "other");
        Schema incoming = schema("incoming_message");
        List<Path> samples = samples("incoming-");
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        for (Path sample : samples) {
            String body = Files.readString(sample);
            JsonNode message = JSON.readTree(body);
            assertThat(incoming.validate(message)).as(sample.toString()).isEmpty();

            publishRaw(body, message.path("message_id").asText());

            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM messages WHERE message_id = ?", Integer.class,
                    message.path("message_id").asText()) == 1);
        }
        assertThat(receiveDeadLetter(500)).isNull();
    }

    @Test
    void aReplyIsPublishedAsTheSchemaSays() throws Exception {
        stubModerator(true);
        stubSales("Отлично! Что хотите создать?", "other");

        publishIncoming("contract-1", "77010000077", "Хочу научиться делать сайты");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(schema("outgoing_message").validate(JSON.readTree(reply.getBody()))).isEmpty();
    }

    @Test
    void anOperatorsMessageFromTheConsoleIsPublishedAsTheSchemaSays() throws Exception {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES ('77010000078', 'Асель', TRUE)");

        rest.exchange("/contacts/77010000078/messages", HttpMethod.POST, asOperator("{\"text\": \"Это Анна, менеджер\"}"), String.class);

        Message message = receiveOutgoing(15_000);
        assertThat(message).isNotNull();
        assertThat(schema("outgoing_message").validate(JSON.readTree(message.getBody()))).isEmpty();
    }

    private static Schema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(CONTRACT.resolve(name + ".schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<Path> samples(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(CONTRACT.resolve("samples"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
