package kz.aisales.gateway.queues;

import static kz.aisales.gateway.support.QueueContract.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;

import kz.aisales.gateway.sending.OutgoingMessage;
import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.QueueContract;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both directions of the gateway's side of the queue contract ({@code docs/queues}): what it publishes on
 * {@code incoming_messages} follows the schema, and it reads every outgoing sample.
 */
class QueueContractIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    QueueMessages queueMessages;

    @Test
    void customerTextMediaAndOperatorMessagesArePublishedAsTheSchemaSays() throws Exception {
        Schema incoming = QueueContract.schema("incoming_message");
        String chat = newChat();
        ObjectNode image = WappiStub.text("CI-" + UUID.randomUUID(), chat, now() + 1, "");
        image.put("type", "image");
        image.putObject("body").put("url", "https://media.example/x.jpg").put("caption", "чек");
        ObjectNode operator = WappiStub.text("CO-" + UUID.randomUUID(), chat, now() + 2, "Это Анна, менеджер");
        operator.put("fromMe", true);
        wappi.add(WappiStub.text("CT-" + UUID.randomUUID(), chat, now(), "Сколько стоит курс?"), image, operator);

        for (int i = 0; i < 3; i++) {
            JsonNode message = receive(queues.incoming(), WAIT);
            assertThat(message).isNotNull();
            assertValid(incoming, message);
        }
    }

    @Test
    void anUntranscribedVoiceNoteIsPublishedAsTheSchemaSays() throws Exception {
        ObjectNode voice = WappiStub.text("CV-" + UUID.randomUUID(), newChat(), now(), "");
        voice.put("type", "ptt");
        voice.putObject("body").put("mimetype", "audio/ogg; codecs=opus");
        // no media stub: the download fails and the note reaches the agent marked failed
        wappi.add(voice);

        JsonNode message = receive(queues.incoming(), Duration.ofSeconds(40));

        assertThat(message.path("transcription_status").asText()).isEqualTo("failed");
        assertValid(QueueContract.schema("incoming_message"), message);
    }

    @Test
    void everyOutgoingSampleFollowsTheSchemaAndIsReadByTheGateway() throws Exception {
        Schema outgoing = QueueContract.schema("outgoing_message");
        for (Path sample : QueueContract.samples("outgoing-")) {
            byte[] body = Files.readAllBytes(sample);
            assertValid(outgoing, JSON.readTree(body));

            OutgoingMessage message = queueMessages.read(body, OutgoingMessage.class);

            assertThat(message.phoneNumber()).as(sample.toString()).isNotBlank();
            assertThat(message.messageText()).as(sample.toString()).isNotBlank();
            assertThat(message.idempotencyKey()).as(sample.toString()).isNotBlank();
        }
    }

    @Test
    void everyIncomingSampleFollowsTheSchema() throws Exception {
        Schema incoming = QueueContract.schema("incoming_message");
        for (Path sample : QueueContract.samples("incoming-")) {
            assertValid(incoming, JSON.readTree(Files.readAllBytes(sample)));
        }
        assertValid(incoming, JSON.readTree(Files.readAllBytes(QueueContract.DIRECTORY.resolve("samples/voice-request.json"))));
        assertThat(incoming.validate(JSON.readTree("{\"message_id\":\"x\",\"phone_number\":\"7701\"}"))).isNotEmpty();
    }
}
