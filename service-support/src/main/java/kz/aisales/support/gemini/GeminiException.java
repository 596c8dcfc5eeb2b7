package kz.aisales.support.gemini;

/** Gemini did not give a usable answer, and another try will not change that. The message never carries the key. */
public class GeminiException extends RuntimeException {

    public GeminiException(String message) {
        super(message);
    }
}
