package kz.aisales.agent.gemini;

/** Gemini did not give a usable answer. The message is safe to log: it never carries the API key. */
public class GeminiException extends RuntimeException {

    public GeminiException(String message) {
        super(message);
    }
}
