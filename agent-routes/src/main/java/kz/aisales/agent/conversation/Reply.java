package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

/**
 * The outcome of a turn, or a follow-up touch. {@code text} null means nothing is sent (a non-client).
 * {@code handled} marks the answered customer messages as done; a fallback leaves them open so a replay can
 * still answer them.
 */
public record Reply(
        long contactId,
        String phoneNumber,
        String outboxId,
        String text,
        String storedKind,
        String replyToMessageId,
        long lastAnsweredId,
        boolean handled,
        String intent,
        boolean needsHuman,
        OffsetDateTime callAt,
        OffsetDateTime createdAt) {

    public static final String FOLLOW_UP = "follow_up";

    /** The {@code kind} of the outgoing message: {@code follow_up} for a touch, {@code reply} otherwise. */
    public String outgoingKind() {
        return FOLLOW_UP.equals(storedKind) ? FOLLOW_UP : "reply";
    }

    public boolean sends() {
        return text != null;
    }
}
