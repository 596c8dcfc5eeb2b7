package kz.aisales.agent.conversation;

/** An incoming message that is not JSON or lacks a required field: parked at once, never retried. */
public class InvalidIncomingMessageException extends RuntimeException {

    public InvalidIncomingMessageException(String message) {
        super(message);
    }
}
