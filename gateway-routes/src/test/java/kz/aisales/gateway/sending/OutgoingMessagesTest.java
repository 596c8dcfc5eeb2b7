package kz.aisales.gateway.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.queues.QueueMessages;

import org.junit.jupiter.api.Test;

class OutgoingMessagesTest {

    /** The original system's agent: no outbox_id, no created_at. */
    private static final byte[] ORIGINAL = """
            {"phone_number": "77011234567", "message_text": "Спасибо! Менеджер свяжется с вами.", "reply_to_message_id": null}"""
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void twoIdenticalTextsWithoutIdOrDateAnHourApartAreTwoMessages() {
        String first = read(ORIGINAL, "2026-12-02T10:01:00Z").idempotencyKey();
        String redelivered = read(ORIGINAL, "2026-12-02T10:04:00Z").idempotencyKey();
        String anHourLater = read(ORIGINAL, "2026-12-02T11:01:00Z").idempotencyKey();

        assertThat(redelivered).as("read again minutes later: the same message").isEqualTo(first);
        assertThat(anHourLater).as("the same words an hour later: another message").isNotEqualTo(first);
    }

    @Test
    void anOutboxIdOrACreationTimeIsKeptAsTheProducerSentIt() {
        byte[] dated = """
                {"phone_number": "77011234567", "message_text": "Hi", "created_at": "2026-12-02T15:00:00+05:00"}"""
                .getBytes(StandardCharsets.UTF_8);
        byte[] withId = """
                {"outbox_id": "o-1", "phone_number": "77011234567", "message_text": "Hi"}""".getBytes(StandardCharsets.UTF_8);

        assertThat(read(dated, "2026-12-02T10:01:00Z").createdAt()).isEqualTo("2026-12-02T15:00:00+05:00");
        assertThat(read(dated, "2026-12-02T10:01:00Z").idempotencyKey()).isEqualTo(read(dated, "2026-12-03T10:01:00Z").idempotencyKey());
        assertThat(read(withId, "2026-12-02T10:01:00Z").idempotencyKey()).isEqualTo("o-1");
        assertThat(read(withId, "2026-12-02T10:01:00Z").createdAt()).isNull();
    }

    private static OutgoingMessage read(byte[] body, String now) {
        return new OutgoingMessages(new QueueMessages(new ObjectMapper()), Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).read(body);
    }
}
