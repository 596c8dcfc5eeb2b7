package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;
import java.util.Set;

/** One stored message: {@code role} user (the customer) or assistant (us). */
public record ChatMessage(long id, String messageId, String role, String text, OffsetDateTime sentAt, String messageType) {

    /** Wappi's types that carry nothing to answer (contracts/wappi.md): a sticker, a reaction to a message. */
    private static final Set<String> NOTHING_TO_ANSWER = Set.of("sticker", "reaction");

    public ChatMessage(long id, String messageId, String role, String text, OffsetDateTime sentAt) {
        this(id, messageId, role, text, sentAt, "chat");
    }

    /** A sticker or a reaction from the customer: stored, never answered on its own. */
    public boolean nothingToAnswer() {
        return fromCustomer() && messageType != null && NOTHING_TO_ANSWER.contains(messageType);
    }

    public boolean fromCustomer() {
        return "user".equals(role);
    }
}
