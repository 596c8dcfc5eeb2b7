package kz.aisales.agent.conversation;

import java.util.List;

/**
 * What one conversation turn answers: the contact, the customer messages not handled yet (oldest first)
 * and the recent history that ends with them.
 */
public record Turn(Contact contact, List<ChatMessage> unhandled, List<ChatMessage> history) {

    public boolean hasUnhandled() {
        return !unhandled.isEmpty();
    }

    /** The newest customer message: the reply quotes it and its id names the reply. */
    public ChatMessage lastUnhandled() {
        return unhandled.get(unhandled.size() - 1);
    }

    public Turn withContact(Contact updated) {
        return new Turn(updated, unhandled, history);
    }
}
