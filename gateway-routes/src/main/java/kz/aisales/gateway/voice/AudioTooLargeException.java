package kz.aisales.gateway.voice;

/** The voice note is larger than Gemini accepts inline; it is reported as untranscribed, never retried. */
public class AudioTooLargeException extends RuntimeException {

    public AudioTooLargeException(long size, long limit) {
        this("voice note of " + size + " bytes is larger than the inline limit of " + limit + " bytes");
    }

    public AudioTooLargeException(String reason) {
        super(reason);
    }
}
