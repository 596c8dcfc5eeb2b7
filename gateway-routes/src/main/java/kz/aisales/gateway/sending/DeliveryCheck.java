package kz.aisales.gateway.sending;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.wappi.WappiClient;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.springframework.stereotype.Component;

/**
 * Closes the windows in which a message may have reached the customer without us knowing: the gateway died between
 * Wappi's answer and recording the outbox id (the broker redelivers the message), or an attempt failed after Wappi
 * had it (a timeout, a dropped connection, a 5xx from a proxy in front of Wappi) and is about to be retried. Only
 * then, before sending again, the chat's newest messages are read once: our own message with the same text, sent
 * after the outbox message was created, means it was delivered, and it is not sent again.
 */
@Component
public class DeliveryCheck {

    private static final int LOOK_BACK = 20;
    private static final long CLOCK_SKEW_SECONDS = 5;

    private final WappiClient wappi;

    public DeliveryCheck(WappiClient wappi) {
        this.wappi = wappi;
    }

    /** The chat's copy of this message if an earlier attempt delivered it, else null (and always null on a first try). */
    public JsonNode deliveredCopy(@Header(SpringRabbitMQConstants.REDELIVERED) Boolean brokerRedelivered,
            @Header(Exchange.REDELIVERED) Boolean retried,
            @ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        if (!Boolean.TRUE.equals(brokerRedelivered) && !Boolean.TRUE.equals(retried)) {
            return null;
        }
        JsonNode messages = wappi.messages(PhoneNumbers.normalize(message.phoneNumber()) + "@c.us", LOOK_BACK, 0)
                .path("messages");
        long notBefore = createdEpochSecond(message.createdAt()) - CLOCK_SKEW_SECONDS;
        for (JsonNode candidate : messages) {
            if (candidate.path("fromMe").asBoolean(false)
                    && candidate.path("body").isTextual()
                    && candidate.path("body").asText().strip().equals(message.messageText().strip())
                    && candidate.path("time").asLong(0) >= notBefore) {
                return candidate;
            }
        }
        return null;
    }

    private static long createdEpochSecond(String createdAt) {
        if (createdAt == null) {
            return Long.MIN_VALUE + CLOCK_SKEW_SECONDS;
        }
        try {
            return OffsetDateTime.parse(createdAt).toEpochSecond();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE + CLOCK_SKEW_SECONDS;
        }
    }
}
