package kz.aisales.agent.conversation;

import java.util.List;

/**
 * What one conversation turn answers: the contact, the customer messages not handled yet (oldest first),
 * the recent history that ends with them, and the files (images, documents) those messages carried.
 */
public record Turn(Contact contact, List<ChatMessage> unhandled, List<ChatMessage> history, List<Attachment> attachments) {

    public Turn(Contact contact, List<ChatMessage> unhandled, List<ChatMessage> history) {
        this(contact, unhandled, history, List.of());
    }

    public boolean hasUnhandled() {
        return !unhandled.isEmpty();
    }

    /**
     * Nothing of what the customer sent can be read: every open message is empty, which only a voice note whose
     * transcription failed is (contracts/queues.md). Such a turn asks the customer to write, and calls no model.
     */
    public boolean onlyUnheardVoice() {
        return hasUnhandled() && unhandled.stream().allMatch(message -> message.text() == null || message.text().isBlank());
    }

    /** Only stickers and reactions are open: they are stored and handled, and nothing is sent. */
    public boolean nothingToAnswer() {
        return hasUnhandled() && unhandled.stream().allMatch(ChatMessage::nothingToAnswer);
    }

    /** The ids of the open customer messages: what this turn answers, and nothing that arrived after it was loaded. */
    public List<Long> unhandledIds() {
        return unhandled.stream().map(ChatMessage::id).toList();
    }

    /** The newest customer message: the reply quotes it and its id names the reply. */
    public ChatMessage lastUnhandled() {
        return unhandled.get(unhandled.size() - 1);
    }

    public Turn withContact(Contact updated) {
        return new Turn(updated, unhandled, history, attachments);
    }
}
