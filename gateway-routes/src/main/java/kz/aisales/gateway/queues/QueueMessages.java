package kz.aisales.gateway.queues;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** Reads queue JSON into records; a body that is not valid JSON of that shape is an {@link InvalidQueueMessageException}. */
@Component
public class QueueMessages {

    private final ObjectMapper json;

    public QueueMessages(ObjectMapper json) {
        this.json = json;
    }

    /** An {@code incoming_messages} / {@code voice_transcription} body; {@code message_id} is required. */
    public IncomingMessage readIncoming(byte[] body) {
        IncomingMessage message = read(body, IncomingMessage.class);
        if (message == null || message.messageId() == null || message.messageId().isBlank()) {
            throw new InvalidQueueMessageException("voice message without a message_id");
        }
        return message;
    }

    public <T> T read(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw new InvalidQueueMessageException("not a valid " + type.getSimpleName() + " JSON: " + detail);
        }
    }
}
