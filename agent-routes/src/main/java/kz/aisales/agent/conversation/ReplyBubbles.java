package kz.aisales.agent.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.agent.config.BubbleProperties;

import org.springframework.stereotype.Component;

/**
 * Short bubbles, as people write in WhatsApp: a reply or follow-up with blank lines, or with a paragraph longer than
 * {@code REPLY_BUBBLE_CHARS}, goes as up to {@code REPLY_BUBBLES_MAX} messages. It is split at its blank lines, a long
 * paragraph at its sentence ends (a sentence is never cut), and more pieces than bubbles are joined back, in order,
 * into bubbles of even length. The first bubble keeps the message's outbox id, what it answers, its quote and its read
 * mark; bubble k is {@code <outbox id>:k} and answers nothing. The split depends on the text alone, so a replayed
 * reply publishes the same bubbles under the same ids and the gateway sends each at most once; the conversation keeps
 * the reply whole. Notices, operators' messages and opt-out confirmations go as they are.
 */
@Component
public class ReplyBubbles {

    private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_ENDS = Pattern.compile("(?<=[.!?…])\\s+");

    private final BubbleProperties bubbles;
    private final ObjectMapper json;

    public ReplyBubbles(BubbleProperties bubbles, ObjectMapper json) {
        this.bubbles = bubbles;
        this.json = json;
    }

    /** The outgoing messages ({@code outgoing_messages} JSON) one stored outgoing message goes as, in order. */
    public List<String> of(String outgoing) throws JsonProcessingException {
        ObjectNode message = (ObjectNode) json.readTree(outgoing);
        OutgoingKind kind = OutgoingKind.of(message.path("kind").asText());
        if (kind == null || !kind.toTheCustomer() || message.hasNonNull("consent")) {
            return List.of(outgoing);
        }
        List<String> texts = split(message.path("message_text").asText(), bubbles.max(), bubbles.chars());
        if (texts.size() == 1) {
            return List.of(outgoing);
        }
        String outboxId = message.path("outbox_id").asText();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode bubble = message.deepCopy();
            bubble.put("message_text", texts.get(i));
            if (i > 0) {
                bubble.put("outbox_id", outboxId + ":" + (i + 1));
                bubble.putNull("reply_to_message_id");
                bubble.put("mark_as_read", false);
                bubble.remove("quote");
            }
            messages.add(json.writeValueAsString(bubble));
        }
        return messages;
    }

    /** The text as at most {@code max} bubbles; one when it has a single paragraph no longer than {@code chars}. */
    static List<String> split(String text, int max, int chars) {
        List<Piece> pieces = new ArrayList<>();
        for (String paragraph : PARAGRAPHS.split(text.strip())) {
            boolean first = true;
            for (String part : sentences(paragraph.strip(), chars)) {
                pieces.add(new Piece(part, first));
                first = false;
            }
        }
        if (max == 1 || pieces.size() <= 1) {
            return List.of(text);
        }
        if (pieces.size() <= max) {
            return pieces.stream().map(Piece::text).toList();
        }
        return join(pieces, max);
    }

    /** A paragraph as parts no longer than {@code chars}, cut only at sentence ends (a longer sentence stays whole). */
    private static List<String> sentences(String paragraph, int chars) {
        if (paragraph.length() <= chars) {
            return paragraph.isEmpty() ? List.of() : List.of(paragraph);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : SENTENCE_ENDS.split(paragraph)) {
            if (!part.isEmpty() && part.length() + 1 + sentence.length() > chars) {
                parts.add(part.toString());
                part.setLength(0);
            }
            part.append(part.isEmpty() ? "" : " ").append(sentence);
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** Consecutive pieces joined into at most {@code max} bubbles, each closed once it reaches an even share. */
    private static List<String> join(List<Piece> pieces, int max) {
        int total = pieces.stream().mapToInt(piece -> piece.text().length()).sum();
        int share = total / max;
        List<String> joined = new ArrayList<>();
        StringBuilder bubble = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (!bubble.isEmpty()) {
                bubble.append(piece.startsParagraph() ? "\n\n" : " ");
            }
            bubble.append(piece.text());
            int piecesLeft = pieces.size() - i - 1;
            int bubblesLeft = max - joined.size() - 1;
            boolean full = bubble.length() >= share || piecesLeft == bubblesLeft;
            if (piecesLeft > 0 && bubblesLeft > 0 && full) {
                joined.add(bubble.toString());
                bubble.setLength(0);
            }
        }
        joined.add(bubble.toString());
        return joined;
    }

    private record Piece(String text, boolean startsParagraph) {
    }
}
