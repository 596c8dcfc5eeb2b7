package kz.aisales.agent.conversation;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parses and checks an {@code incoming_messages} body against the required fields of the contract. A
 * {@code timestamp} without an offset (the original system's gateway writes local time) is read in {@code TIMEZONE}.
 */
@Component
public class IncomingMessageReader {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingMessageReader.class);

    private final ObjectMapper json;
    private final ZoneId zone;

    public IncomingMessageReader(ObjectMapper json, WorkingHoursProperties hours) {
        this.json = json;
        this.zone = hours.timezone();
    }

    public IncomingMessage read(String body) {
        IncomingMessage message;
        try {
            JsonNode tree = json.readTree(body);
            if (tree instanceof ObjectNode object && object.path("timestamp").isTextual()) {
                object.put("timestamp", withOffset(object.path("timestamp").asText()));
            }
            message = tree == null || tree.isMissingNode() ? null : json.treeToValue(tree, IncomingMessage.class);
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
        return readableMedia(message);
    }

    /** A file that cannot be read costs the customer only the file: the message goes on as its text. */
    private static IncomingMessage readableMedia(IncomingMessage message) {
        IncomingMessage.Media media = message.media();
        if (media == null) {
            return message;
        }
        String problem = null;
        if (media.mimeType() == null || media.mimeType().isBlank()) {
            problem = "it has no mime_type";
        } else if (media.data() == null && media.url() != null) {
            return message;
        } else {
            try {
                if (media.bytes().length == 0) {
                    problem = "its data is empty";
                }
            } catch (IllegalArgumentException e) {
                problem = "its data is not base64";
            }
        }
        if (problem == null) {
            return message;
        }
        LOG.warn("The file of message {} is left out, {}; the message goes on as its text", message.messageId(), problem);
        return message.withoutMedia(IncomingMessage.MEDIA_INVALID);
    }

    /** An ISO-8601 time as it is, or, without an offset, as local time in the business's time zone. */
    String withOffset(String timestamp) {
        String text = timestamp.strip();
        try {
            OffsetDateTime.parse(text);
            return text;
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toOffsetDateTime().toString();
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidIncomingMessageException("required field " + field + " is missing");
        }
    }
}
