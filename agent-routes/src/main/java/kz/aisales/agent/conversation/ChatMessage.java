package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

/** One stored message: {@code role} user (the customer) or assistant (us). */
public record ChatMessage(long id, String messageId, String role, String text, OffsetDateTime sentAt) {

    public boolean fromCustomer() {
        return "user".equals(role);
    }
}
