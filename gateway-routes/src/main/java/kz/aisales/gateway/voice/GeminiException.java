package kz.aisales.gateway.voice;

/** Gemini refused or failed a request; the message carries its HTTP status and error text (never the key). */
public class GeminiException extends RuntimeException {

    private final boolean transientFailure;

    public GeminiException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    /** 5xx and a per-minute 429 are worth another try; 4xx, a daily quota, a blocked answer are not. */
    public boolean transientFailure() {
        return transientFailure;
    }
}
