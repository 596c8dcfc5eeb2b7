package kz.aisales.support.gemini;

import java.time.Duration;

/** A failure worth retrying (5xx, per-minute quota); {@code retryDelay} is the wait Gemini asked for, if any. */
public class GeminiRetryableException extends GeminiException {

    private final transient Duration retryDelay;

    public GeminiRetryableException(String message, Duration retryDelay) {
        super(message);
        this.retryDelay = retryDelay;
    }

    public Duration retryDelay() {
        return retryDelay;
    }
}
