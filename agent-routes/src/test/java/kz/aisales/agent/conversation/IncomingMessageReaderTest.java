package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.json.JsonMapper;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.junit.jupiter.api.Test;

class IncomingMessageReaderTest {

    private final IncomingMessageReader reader = new IncomingMessageReader(JsonMapper.builder().findAndAddModules().build(),
            new WorkingHoursProperties(10, 18, ZoneId.of("Asia/Almaty"), List.of()));

    @Test
    void theOriginalGatewaysLocalTimeIsReadInTheBusinessTimeZone() {
        IncomingMessage message = reader.read("""
                {"message_id": "orig-1", "phone_number": "77011234567", "message_text": "Сколько стоит курс?",
                 "timestamp": "2025-10-05T14:30:07.123456", "is_voice": false}""");

        assertThat(message.timestamp()).isEqualTo(OffsetDateTime.parse("2025-10-05T14:30:07.123456+05:00"));
    }

    @Test
    void aTimestampWithAnOffsetIsKeptAsItIs() {
        IncomingMessage message = reader.read("""
                {"message_id": "new-1", "phone_number": "77011234567", "message_text": "Hi", "timestamp": "2025-10-05T09:30:07Z"}""");

        assertThat(message.timestamp()).isEqualTo(OffsetDateTime.parse("2025-10-05T09:30:07Z"));
    }

    @Test
    void aTimestampThatIsNoTimeIsStillRefusedClearly() {
        assertThatThrownBy(() -> reader.read("""
                {"message_id": "bad-1", "phone_number": "77011234567", "message_text": "Hi", "timestamp": "yesterday"}"""))
                .isInstanceOf(InvalidIncomingMessageException.class).hasMessageContaining("not a valid incoming message");
    }

    @Test
    void anAttachedFileIsReadWithItsTypeAndBytes() {
        IncomingMessage message = reader.read("""
                {"message_id": "img-1", "phone_number": "77011234567", "message_text": "[image] чек", "message_type": "image",
                 "timestamp": "2025-10-05T09:30:07Z", "media_status": "attached",
                 "media": {"mime_type": "image/png", "data": "iVBORw0KGgo=", "size_bytes": 8}}""");

        assertThat(message.mediaStatus()).isEqualTo("attached");
        assertThat(message.media().mimeType()).isEqualTo("image/png");
        assertThat(message.media().bytes()).hasSize(8).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aFileThatCannotBeReadIsLeftOutAndTheTextGoesOn() {
        for (String media : List.of("{\"mime_type\": \"image/png\", \"data\": \"not base64!\"}",
                "{\"data\": \"iVBORw0KGgo=\"}", "{\"mime_type\": \"image/png\", \"data\": \"\"}")) {
            IncomingMessage message = reader.read("""
                    {"message_id": "img-2", "phone_number": "77011234567", "message_text": "[image] вот", "timestamp": "2025-10-05T09:30:07Z",
                     "media_status": "attached", "media": %s}""".formatted(media));

            assertThat(message.media()).as(media).isNull();
            assertThat(message.mediaStatus()).as(media).isEqualTo("invalid");
            assertThat(message.messageText()).isEqualTo("[image] вот");
        }
    }
}
