package kz.aisales.gateway.sending;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.messagelog.MessageLog;
import kz.aisales.gateway.messagelog.MessageLogEntry;
import kz.aisales.gateway.operations.GatewayMetrics;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records each outgoing outcome in {@code message_logs}; {@code message_id} is Wappi's id of the sent message. */
@Component
public class SendLog {

    private static final Logger LOG = LoggerFactory.getLogger(SendLog.class);

    private final MessageLog log;
    private final GatewayMetrics metrics;

    public SendLog(MessageLog log, GatewayMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * The message reached the customer: {@code wappiAnswer} is Wappi's answer to our call, or, when an earlier attempt
     * had delivered it ({@code deliveredCopy}), the chat's copy of it, which is not sent again.
     */
    public void sent(JsonNode wappiAnswer,
            @ExchangeProperty(WappiSendRoutes.DELIVERED_COPY) JsonNode deliveredCopy,
            @ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header("correlation_id") String correlationId) {
        metrics.sent(message.kind());
        if (deliveredCopy != null) {
            String wappiId = deliveredCopy.path("id").asText(null);
            LOG.warn("Outbox {} was delivered by an earlier attempt as Wappi message {}: not sent again"
                    + " (correlation {})", message.outboxId(), wappiId, correlationId);
            record(message, wappiId, "sent", "delivered by an earlier attempt; found in the chat or in Wappi's answer",
                    correlationId);
            return;
        }
        String wappiId = wappiAnswer.path("message_id").asText(null);
        LOG.info("Sent outbox {} to {} as Wappi message {} (correlation {})", message.outboxId(),
                PhoneNumbers.normalize(message.phoneNumber()), wappiId, correlationId);
        record(message, wappiId, "sent", message.quoted() ? "reply to " + message.replyToMessageId()
                : message.reply() ? "answers " + message.replyToMessageId() : null, correlationId);
    }

    public void duplicate(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header("correlation_id") String correlationId) {
        LOG.info("Outbox {} already sent: skipped", message.outboxId());
        record(message, null, "duplicate", "outbox_id already sent", correlationId);
    }

    public void refused(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header("correlation_id") String correlationId) {
        LOG.warn("Outbox {} ({}) to {} refused: the customer opted out of messages", message.outboxId(), message.kind(),
                PhoneNumbers.normalize(message.phoneNumber()));
        record(message, null, "refused", "customer opted out", correlationId);
    }

    public void superseded(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header("correlation_id") String correlationId) {
        LOG.info("Follow-up {} to {} not sent: the customer wrote after it was written", message.outboxId(),
                PhoneNumbers.normalize(message.phoneNumber()));
        record(message, null, "superseded", "the customer wrote after the follow-up was written", correlationId);
    }

    void failed(OutgoingMessage message, String reason, String correlationId) {
        record(message, null, "failed", reason, correlationId);
    }

    private void record(OutgoingMessage message, String wappiId, String status, String reason, String correlationId) {
        log.record(new MessageLogEntry(wappiId, null, PhoneNumbers.normalize(message.phoneNumber()),
                MessageLogEntry.OUTGOING, message.kind(), message.messageText(), status, reason, correlationId));
    }
}
