package kz.aisales.gateway.voice;

/**
 * The file is larger than its inline limit: a voice note is reported as untranscribed, an image or a document goes on
 * without its file; never retried.
 */
public class MediaTooLargeException extends RuntimeException {

    public MediaTooLargeException(String reason) {
        super(reason);
    }
}
