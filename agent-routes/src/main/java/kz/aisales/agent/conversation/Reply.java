package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

/**
 * The outcome of a turn. {@code text} null means nothing is sent (a non-client). {@code handled} marks the
 * answered customer messages as done; a fallback leaves them open so a replay can still answer them.
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

    public boolean sends() {
        return text != null;
    }
}
