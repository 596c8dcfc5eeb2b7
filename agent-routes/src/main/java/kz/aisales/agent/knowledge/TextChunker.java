package kz.aisales.agent.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into passages of about {@code maxChars}: whole paragraphs packed together, a paragraph
 * that is too long split between sentences, a sentence that is too long split between words.
 */
public final class TextChunker {

    private TextChunker() {
    }

    public static List<String> chunk(String text, int maxChars) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : text.replace("\r", "").split("\\n\\s*\\n")) {
            String clean = paragraph.replaceAll("\\s+", " ").strip();
            if (clean.isEmpty()) {
                continue;
            }
            for (String piece : fit(clean, maxChars)) {
                if (!current.isEmpty() && current.length() + 1 + piece.length() > maxChars) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    private static List<String> fit(String paragraph, int maxChars) {
        if (paragraph.length() <= maxChars) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?…])\\s+")) {
            for (String part : sentence.length() <= maxChars ? List.of(sentence) : byWords(sentence, maxChars)) {
                if (!piece.isEmpty() && piece.length() + 1 + part.length() > maxChars) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
                if (!piece.isEmpty()) {
                    piece.append(' ');
                }
                piece.append(part);
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static List<String> byWords(String sentence, int maxChars) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String word : sentence.split(" ")) {
            if (!part.isEmpty() && part.length() + 1 + word.length() > maxChars) {
                parts.add(part.toString());
                part.setLength(0);
            }
            if (!part.isEmpty()) {
                part.append(' ');
            }
            part.append(word.length() > maxChars ? word.substring(0, maxChars) : word);
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
