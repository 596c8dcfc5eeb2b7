package kz.aisales.support.gemini;

/** The prompt or the answer was blocked (safety, recitation, ...): retrying gives the same result. */
public class GeminiBlockedException extends GeminiException {

    public GeminiBlockedException(String message) {
        super(message);
    }
}
