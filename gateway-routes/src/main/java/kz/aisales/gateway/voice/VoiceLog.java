package kz.aisales.gateway.voice;

import kz.aisales.gateway.messagelog.MessageLog;
import kz.aisales.gateway.messagelog.MessageLogEntry;
import kz.aisales.gateway.operations.GatewayMetrics;
import kz.aisales.gateway.queues.IncomingMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records transcription outcomes in {@code message_logs}. */
@Component
public class VoiceLog {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceLog.class);

    private final MessageLog log;
    private final GatewayMetrics metrics;

    public VoiceLog(MessageLog log, GatewayMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    /** The voice message with its transcription, logged as transcribed. */
    public IncomingMessage transcribed(String text, IncomingMessage voiceMessage) {
        IncomingMessage transcribed = voiceMessage.transcribed(text, IncomingMessage.TRANSCRIPTION_OK);
        LOG.info("Voice note {} transcribed ({} characters)", voiceMessage.messageId(), text.length());
        metrics.transcribed(true);
        record(transcribed, "transcribed", null);
        return transcribed;
    }

    void failed(IncomingMessage message, String reason) {
        LOG.warn("Voice note {} not transcribed, forwarded as failed: {}", message.messageId(), reason);
        metrics.transcribed(false);
        record(message, "transcription_failed", reason);
    }

    private void record(IncomingMessage message, String status, String reason) {
        log.record(new MessageLogEntry(message.messageId(), message.chatId(), message.phoneNumber(),
                MessageLogEntry.INCOMING, message.messageType(), message.messageText(), status, reason,
                message.messageId()));
    }
}
