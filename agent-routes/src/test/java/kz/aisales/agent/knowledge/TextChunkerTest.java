package kz.aisales.agent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextChunkerTest {

    @Test
    void shortParagraphsArePackedTogether() {
        assertThat(TextChunker.chunk("Первый абзац.\n\nВторой абзац.", 100)).containsExactly("Первый абзац.\nВторой абзац.");
    }

    @Test
    void aLongParagraphIsSplitBetweenSentencesWithinTheLimit() {
        String text = "Курс длится два месяца. Занятия проходят онлайн. Доступ к урокам навсегда. Есть чат поддержки.";

        List<String> chunks = TextChunker.chunk(text, 50);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(50));
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void aSentenceWithoutStopsIsSplitBetweenWords() {
        List<String> chunks = TextChunker.chunk("слово ".repeat(40), 30);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(TextChunker.chunk(" \n\n \t", 100)).isEmpty();
    }
}
