package kz.aisales.gateway.voice;

import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.gateway.queues.IncomingMessage;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * What happens when a voice note cannot be transcribed, or an image's or document's file cannot be fetched: transient
 * failures are retried a bounded number of times; then the message goes on to the agent, a voice note with an empty
 * text and {@code transcription_status=failed} (so the agent can ask the customer to type), an image or a document
 * without its file ({@link MediaAttachments}).
 */
@Component
public class TranscriptionFailures {

    /** Exchange property holding the voice message being transcribed. */
    public static final String VOICE_MESSAGE = "voiceMessage";

    private final VoiceProperties voice;
    private final VoiceLog voiceLog;
    private final MediaAttachments attachments;

    public TranscriptionFailures(VoiceProperties voice, VoiceLog voiceLog, MediaAttachments attachments) {
        this.voice = voice;
        this.voiceLog = voiceLog;
        this.attachments = attachments;
    }

    /** Another try through a database or broker outage, or while a partner failure is transient and retries are left. */
    public boolean retry(Exchange exchange) {
        return PartnerFailures.retry(exchange, voice.maxRetries());
    }

    public IncomingMessage untranscribed(Exchange exchange) {
        IncomingMessage message = exchange.getProperty(VOICE_MESSAGE, IncomingMessage.class);
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (!message.voice()) {
            return attachments.notAttached(message, failure);
        }
        IncomingMessage failed = message.transcribed("", IncomingMessage.TRANSCRIPTION_FAILED);
        voiceLog.failed(failed, PartnerFailures.reason(failure));
        return failed;
    }
}
