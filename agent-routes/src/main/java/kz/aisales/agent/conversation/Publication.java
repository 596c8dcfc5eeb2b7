package kz.aisales.agent.conversation;

/** A stored reply waiting to be published: its outbox id, whether it is a follow-up touch, and the message itself. */
public record Publication(String outboxId, boolean followUp, String outgoing) {
}
