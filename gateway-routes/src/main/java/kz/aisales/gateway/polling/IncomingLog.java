package kz.aisales.gateway.polling;

import kz.aisales.gateway.messagelog.MessageLog;
import kz.aisales.gateway.messagelog.MessageLogEntry;
import kz.aisales.gateway.operations.GatewayMetrics;
import kz.aisales.gateway.queues.IncomingMessage;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records each incoming decision in {@code message_logs} with its reason. */
@Component
public class IncomingLog {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingLog.class);

    private final MessageLog log;
    private final GatewayMetrics metrics;

    public IncomingLog(MessageLog log, GatewayMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    public void filtered(PolledMessage polled, FilterDecision decision) {
        LOG.info("Message {} from {} not forwarded: {}", polled.id(), polled.chatId(), decision.reason());
        metrics.received(polled.type(), "filtered");
        log.record(new MessageLogEntry(polled.id(), polled.chatId(), PhoneNumbers.normalize(polled.chatId()),
                MessageLogEntry.INCOMING, polled.type(), polled.message().path("body").isTextual()
                        ? polled.message().path("body").asText() : null,
                "filtered", decision.reason(), polled.id()));
    }

    public void forwarded(IncomingMessage message) {
        String reason = switch (message.messageType()) {
            case "chat" -> "text -> incoming_messages";
            case "ptt", "audio" -> "voice note -> voice_transcription";
            case "image", "document" -> "media to attach -> voice_transcription";
            default -> message.messageType() + " -> incoming_messages with a placeholder text";
        };
        LOG.info("Message {} from {} forwarded: {}", message.messageId(), message.chatId(), reason);
        metrics.received(message.messageType(), "forwarded");
        log.record(new MessageLogEntry(message.messageId(), message.chatId(), message.phoneNumber(),
                MessageLogEntry.INCOMING, message.messageType(), message.messageText(), "forwarded", reason,
                message.messageId()));
    }

    public void operatorMessage(IncomingMessage message, @ExchangeProperty("decision") FilterDecision decision) {
        LOG.info("Message {} to {} typed by a person at the business: reported to the agent as {}", message.messageId(),
                message.chatId(), message.event());
        metrics.received(message.messageType(), "operator");
        log.record(new MessageLogEntry(message.messageId(), message.chatId(), message.phoneNumber(),
                MessageLogEntry.INCOMING, message.messageType(), message.messageText(), "operator",
                decision == null ? IncomingMessageFilter.OPERATOR : decision.reason(), message.messageId()));
    }

    public void groupChatSkipped(PollBatch batch) {
        for (ChatCursor group : batch.groupChats()) {
            log.record(new MessageLogEntry(group.lastMessageId(), group.chatId(), null, MessageLogEntry.INCOMING,
                    null, null, "filtered", IncomingMessageFilter.GROUP + " (not read)", group.lastMessageId()));
        }
    }
}
