package kz.aisales.gateway.voice;

import java.util.Base64;

import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.gateway.queues.IncomingMessage;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * An image's or a document's downloaded file joins its message (base64, with its MIME type) when Gemini reads that
 * type inline ({@code MEDIA_MIME_TYPES}); one over {@code MEDIA_MAX_INLINE_BYTES} is kept in the {@link MediaStore} and
 * the message carries where the agent fetches it; otherwise, or when the download failed or was too large, the message goes
 * on without it, its placeholder text telling the agent what the customer sent. Each outcome goes to {@link VoiceLog}.
 */
@Component
public class MediaAttachments {

    private final VoiceProperties voice;
    private final VoiceLog log;
    private final MediaStore store;

    public MediaAttachments(VoiceProperties voice, VoiceLog log, MediaStore store) {
        this.voice = voice;
        this.log = log;
        this.store = store;
    }

    public IncomingMessage attach(MediaFile file, @ExchangeProperty(TranscriptionFailures.VOICE_MESSAGE) IncomingMessage message) {
        if (!voice.attachmentMimeTypes().contains(file.mimeType())) {
            return without(message, IncomingMessage.MEDIA_UNSUPPORTED,
                    file.mimeType() + " is not a type the model reads (MEDIA_MIME_TYPES)");
        }
        IncomingMessage attached = file.data().length <= voice.maxAttachmentBytes()
                ? message.withMedia(new IncomingMessage.Attachment(file.mimeType(), Base64.getEncoder().encodeToString(file.data()),
                        file.data().length, file.fileName(), null), IncomingMessage.MEDIA_ATTACHED)
                : message.withMedia(store.keep(message.messageId(), file), IncomingMessage.MEDIA_STORED);
        log.attached(attached, file);
        return attached;
    }

    /** The message without its file, after the download failed or the file was over the limit. */
    IncomingMessage notAttached(IncomingMessage message, Throwable failure) {
        String status = failure instanceof MediaTooLargeException ? IncomingMessage.MEDIA_TOO_LARGE : IncomingMessage.MEDIA_FAILED;
        return without(message, status, PartnerFailures.reason(failure));
    }

    private IncomingMessage without(IncomingMessage message, String status, String reason) {
        IncomingMessage forwarded = message.withMedia(null, status);
        log.notAttached(forwarded, reason);
        return forwarded;
    }
}
