package kz.aisales.gateway.queues;

/** A queue message that is not JSON, or lacks a required field: dead-lettered at once, never retried. */
public class InvalidQueueMessageException extends IllegalArgumentException {

    public InvalidQueueMessageException(String message) {
        super(message);
    }
}
