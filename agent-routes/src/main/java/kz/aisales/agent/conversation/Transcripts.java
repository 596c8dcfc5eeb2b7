package kz.aisales.agent.conversation;

import java.util.ArrayList;
import java.util.List;

import kz.aisales.agent.gemini.GeminiRequest;

/** The conversation as prompts need it: a plain transcript, or Gemini's alternating user/model contents. */
public final class Transcripts {

    /** What the model reads for a customer message without text: a voice note whose transcription failed. */
    static final String UNHEARD_VOICE = "[голосовое сообщение: не удалось распознать]";

    private Transcripts() {
    }

    /**
     * The history as a model call may see it: each customer message cut to {@code textChars} (marked with "…"), then
     * the newest messages whose texts together fit {@code totalChars}; the newest one is always kept. A customer
     * message without text (a voice note not transcribed) reads as {@link #UNHEARD_VOICE}.
     */
    public static List<ChatMessage> bounded(List<ChatMessage> history, int textChars, int totalChars) {
        List<ChatMessage> kept = new ArrayList<>();
        int total = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            ChatMessage message = history.get(i);
            String text = message.text() == null ? "" : message.text();
            if (message.fromCustomer() && text.isBlank()) {
                text = UNHEARD_VOICE;
            }
            if (message.fromCustomer() && text.length() > textChars) {
                text = text.substring(0, textChars) + "…";
            }
            total += text.length();
            if (total > totalChars && !kept.isEmpty()) {
                break;
            }
            kept.add(0, new ChatMessage(message.id(), message.messageId(), message.role(), text, message.sentAt(), message.messageType()));
        }
        return kept;
    }

    public static String plain(List<ChatMessage> history, String customerName) {
        StringBuilder transcript = new StringBuilder();
        for (ChatMessage message : history) {
            transcript.append(message.fromCustomer() ? (customerName.isBlank() ? "Клиент" : "Клиент (" + customerName + ")") : "Мы")
                    .append(": ").append(message.text()).append('\n');
        }
        return transcript.toString().strip();
    }

    /**
     * The conversation with {@code preface} (customer data such as their fenced name) before the customer's first
     * words, in a user content of its own when the conversation opens with ours.
     */
    public static List<GeminiRequest.Content> contents(List<ChatMessage> history, String preface) {
        List<GeminiRequest.Content> contents = new ArrayList<>(contents(history));
        if (preface.isEmpty()) {
            return contents;
        }
        if (!contents.isEmpty() && "user".equals(contents.get(0).role())) {
            contents.set(0, GeminiRequest.Content.user(preface + contents.get(0).text()));
        } else {
            contents.add(0, GeminiRequest.Content.user(preface));
        }
        return contents;
    }

    /**
     * The contents with the files the customer sent in this turn as inline parts of the last customer content (the
     * messages being answered end the conversation), so the model answers about what the customer showed.
     */
    public static List<GeminiRequest.Content> withAttachments(List<GeminiRequest.Content> contents, List<Attachment> attachments) {
        if (attachments.isEmpty()) {
            return contents;
        }
        List<GeminiRequest.Part> files = attachments.stream()
                .map(attachment -> GeminiRequest.Part.inline(attachment.mimeType(), attachment.data())).toList();
        List<GeminiRequest.Content> all = new ArrayList<>(contents);
        int last = all.size() - 1;
        if (last >= 0 && "user".equals(all.get(last).role())) {
            all.set(last, all.get(last).with(files));
        } else {
            all.add(new GeminiRequest.Content("user", files));
        }
        return all;
    }

    /** Consecutive messages of one side become one content, as Gemini expects turns to alternate. */
    public static List<GeminiRequest.Content> contents(List<ChatMessage> history) {
        List<GeminiRequest.Content> contents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Boolean customer = null;
        for (ChatMessage message : history) {
            if (customer != null && customer != message.fromCustomer()) {
                contents.add(customer ? GeminiRequest.Content.user(text.toString()) : GeminiRequest.Content.model(text.toString()));
                text.setLength(0);
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(message.text());
            customer = message.fromCustomer();
        }
        if (customer != null) {
            contents.add(customer ? GeminiRequest.Content.user(text.toString()) : GeminiRequest.Content.model(text.toString()));
        }
        return contents;
    }
}
