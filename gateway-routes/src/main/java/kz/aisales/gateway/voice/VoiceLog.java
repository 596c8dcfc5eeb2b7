package kz.aisales.gateway.voice;

import kz.aisales.gateway.messagelog.MessageLog;
import kz.aisales.gateway.messagelog.MessageLogEntry;
import kz.aisales.gateway.operations.GatewayMetrics;
import kz.aisales.gateway.queues.IncomingMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records what became of fetched media in {@code message_logs}: transcribed or not, attached or not. */
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

    void attached(IncomingMessage message, MediaFile file) {
        String how = IncomingMessage.MEDIA_STORED.equals(message.mediaStatus()) ? "kept for the agent to fetch" : "attached";
        LOG.info("{} {} {}: {}, {} bytes", message.messageType(), message.messageId(), how, file.mimeType(), file.data().length);
        record(message, message.mediaStatus(), file.mimeType() + ", " + file.data().length + " bytes");
    }

    void notAttached(IncomingMessage message, String reason) {
        LOG.warn("{} {} forwarded without its file ({}): {}", message.messageType(), message.messageId(), message.mediaStatus(), reason);
        record(message, "attachment_" + message.mediaStatus(), reason);
    }

    private void record(IncomingMessage message, String status, String reason) {
        log.record(new MessageLogEntry(message.messageId(), message.chatId(), message.phoneNumber(),
                MessageLogEntry.INCOMING, message.messageType(), message.messageText(), status, reason,
                message.messageId()));
    }
}
