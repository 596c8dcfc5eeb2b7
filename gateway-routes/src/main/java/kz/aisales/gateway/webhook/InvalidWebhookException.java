package kz.aisales.gateway.webhook;

/** A webhook body that is not JSON, or not a message, a list of messages or {@code {"messages": [...]}}: 400. */
public class InvalidWebhookException extends IllegalArgumentException {

    public InvalidWebhookException(String message) {
        super(message);
    }
}
