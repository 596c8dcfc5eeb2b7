package kz.aisales.gateway.sending;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.wappi.WappiClient;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.springframework.stereotype.Component;

/**
 * Closes the crash window of sending: a message the broker redelivers may have reached Wappi just
 * before the gateway died, without its outbox id being recorded. Only for such a redelivery, the chat's
 * newest messages are read once: our own API message with the same text, sent after the outbox
 * message was created, means it was delivered, and it is not sent again.
 */
@Component
public class DeliveryCheck {

    private static final int LOOK_BACK = 20;
    private static final long CLOCK_SKEW_SECONDS = 5;

    private final WappiClient wappi;

    public DeliveryCheck(WappiClient wappi) {
        this.wappi = wappi;
    }

    public boolean deliveredBefore(@Header(SpringRabbitMQConstants.REDELIVERED) Boolean redelivered,
            @ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        if (!Boolean.TRUE.equals(redelivered)) {
            return false;
        }
        JsonNode messages = wappi.messages(PhoneNumbers.normalize(message.phoneNumber()) + "@c.us", LOOK_BACK, 0)
                .path("messages");
        long notBefore = createdEpochSecond(message.createdAt()) - CLOCK_SKEW_SECONDS;
        for (JsonNode candidate : messages) {
            if (candidate.path("fromMe").asBoolean(false)
                    && candidate.path("body").isTextual()
                    && candidate.path("body").asText().strip().equals(message.messageText().strip())
                    && candidate.path("time").asLong(0) >= notBefore) {
                return true;
            }
        }
        return false;
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
