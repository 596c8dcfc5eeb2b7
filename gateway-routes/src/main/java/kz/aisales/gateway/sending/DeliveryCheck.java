package kz.aisales.gateway.sending;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.wappi.WappiClient;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.springframework.stereotype.Component;

/**
 * Closes the windows in which a message may have reached the customer without us knowing: the gateway died between
 * Wappi's answer and recording the outbox id (the broker redelivers the message, or another replica has it, perhaps
 * moved to the back of the queue as a new delivery), or an attempt failed after Wappi had it (a timeout, a dropped
 * connection, a 5xx from a proxy in front of Wappi) and is about to be retried. {@link OwnMessages} knows every
 * attempt, recorded before its call leaves: one whose answer was recorded was delivered, and is not sent again. When
 * an attempt is in doubt (or the delivery is a redelivery or a retry), the chat's newest messages are read once: our
 * own message with the same text, sent after the outbox message was created (Wappi's clock may differ from ours by up
 * to {@code WAPPI_ECHO_WINDOW_MINUTES}), and not the copy of another of our sends, means it was delivered.
 */
@Component
public class DeliveryCheck {

    private static final int LOOK_BACK = 20;

    private final WappiClient wappi;
    private final OwnMessages ownMessages;
    private final ObjectMapper json;
    private final long clockSkewSeconds;

    public DeliveryCheck(WappiClient wappi, OwnMessages ownMessages, ObjectMapper json, WappiProperties properties) {
        this.wappi = wappi;
        this.ownMessages = ownMessages;
        this.json = json;
        this.clockSkewSeconds = properties.echoWindowMinutes() * 60L;
    }

    /**
     * The delivered copy of this message if an earlier attempt delivered it (Wappi's recorded answer, or the chat's
     * copy), else null; a first attempt asks Wappi nothing.
     */
    public JsonNode deliveredCopy(@Header(SpringRabbitMQConstants.REDELIVERED) Boolean brokerRedelivered,
            @Header(Exchange.REDELIVERED) Boolean retried,
            @ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        OwnMessages.PreviousAttempt previous = ownMessages.previousAttempt(message.idempotencyKey());
        if (previous.answeredId() != null) {
            return json.createObjectNode().put("id", previous.answeredId()).put("body", message.messageText());
        }
        if (!previous.made() && !Boolean.TRUE.equals(brokerRedelivered) && !Boolean.TRUE.equals(retried)) {
            return null;
        }
        JsonNode messages = wappi.messages(PhoneNumbers.normalize(message.phoneNumber()) + "@c.us", LOOK_BACK, 0)
                .path("messages");
        long notBefore = createdEpochSecond(message.createdAt()) - clockSkewSeconds;
        for (JsonNode candidate : messages) {
            if (candidate.path("fromMe").asBoolean(false)
                    && candidate.path("body").isTextual()
                    && candidate.path("body").asText().strip().equals(message.messageText().strip())
                    && candidate.path("time").asLong(0) >= notBefore
                    && !ownMessages.explainsAnotherSend(candidate.path("id").asText(""), message.idempotencyKey())) {
                return candidate;
            }
        }
        return null;
    }

    private long createdEpochSecond(String createdAt) {
        if (createdAt == null) {
            return Long.MIN_VALUE + clockSkewSeconds;
        }
        try {
            return OffsetDateTime.parse(createdAt).toEpochSecond();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE + clockSkewSeconds;
        }
    }
}
