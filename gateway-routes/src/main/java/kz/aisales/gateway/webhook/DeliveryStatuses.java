package kz.aisales.gateway.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.gateway.sending.OwnMessages;
import kz.aisales.gateway.sending.SendingPause;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Wappi's {@code delivery_status} events: stored on the sent message they name ({@code own_messages}), counted
 * ({@code aisales_delivery_statuses_total{status}}), and read for ban signals. A status naming a ban (Wappi reports
 * {@code temporary ban} on some channels), or {@code SEND_UNDELIVERED_RUN_TO_PAUSE} undelivered messages in a row,
 * pauses sending for the profile ({@link SendingPause}) and tells the manager ({@link kz.aisales.gateway.sending.SendingPauseNotices}). The event's field names are unconfirmed: the message id is
 * read from {@code message_id}, {@code id} or {@code task_id}, the status from {@code delivery_status} or {@code status}.
 */
@Component
public class DeliveryStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatuses.class);
    private static final Set<String> UNDELIVERED = Set.of("undelivered", "error", "failed");

    private final OwnMessages ownMessages;
    private final SendingPause pause;
    private final SendingProperties sending;
    private final MeterRegistry registry;

    public DeliveryStatuses(OwnMessages ownMessages, SendingPause pause, SendingProperties sending, MeterRegistry registry) {
        this.ownMessages = ownMessages;
        this.pause = pause;
        this.sending = sending;
        this.registry = registry;
    }

    /** Records the event; the pause it began, or null (no ban signal, or sending was paused already). */
    public SendingPause.Pause record(JsonNode event) {
        String status = first(event, "delivery_status", "status").toLowerCase(Locale.ROOT).trim();
        String messageId = first(event, "message_id", "id", "task_id");
        if (status.isEmpty()) {
            LOG.warn("Wappi delivery_status event without a status for message {}: ignored", messageId);
            return null;
        }
        Counter.builder("aisales.delivery.statuses").description("Delivery statuses Wappi reported for sent messages")
                .tag("status", status).register(registry).increment();
        boolean known = !messageId.isEmpty() && ownMessages.deliveryStatus(messageId, status).isPresent();
        LOG.info("Wappi delivery status '{}' for message {}{}", status, messageId, known ? "" : " (not one of ours)");
        if (status.contains("ban")) {
            return pause.pause("Wappi reported delivery status '" + status + "' for message " + messageId).orElse(null);
        }
        if (UNDELIVERED.contains(status) && known) {
            List<String> latest = ownMessages.latestDeliveryStatuses(sending.undeliveredRunToPause());
            if (latest.size() >= sending.undeliveredRunToPause() && latest.stream().allMatch(UNDELIVERED::contains)) {
                return pause.pause(latest.size() + " sent messages in a row were reported undelivered (last: "
                        + messageId + ")").orElse(null);
            }
        }
        return null;
    }

    private static String first(JsonNode event, String... fields) {
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }
}
