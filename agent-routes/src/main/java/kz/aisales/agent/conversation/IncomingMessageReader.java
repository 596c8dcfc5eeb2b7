package kz.aisales.agent.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/** Parses and checks an {@code incoming_messages} body against the required fields of the contract. */
@Component
public class IncomingMessageReader {

    private final ObjectMapper json;

    public IncomingMessageReader(ObjectMapper json) {
        this.json = json;
    }

    public IncomingMessage read(String body) {
        IncomingMessage message;
        try {
            message = json.readValue(body, IncomingMessage.class);
        } catch (JsonProcessingException e) {
            throw new InvalidIncomingMessageException("not a valid incoming message JSON: " + e.getOriginalMessage());
        }
        if (message == null) {
            throw new InvalidIncomingMessageException("empty incoming message");
        }
        require(message.messageId(), "message_id");
        require(message.phoneNumber(), "phone_number");
        if (message.messageText() == null || message.messageText().isBlank() && !"failed".equals(message.transcriptionStatus())) {
            throw new InvalidIncomingMessageException("required field message_text is missing or empty");
        }
        if (message.timestamp() == null) {
            throw new InvalidIncomingMessageException("required field timestamp is missing");
        }
        return message;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidIncomingMessageException("required field " + field + " is missing");
        }
    }
}
