package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ManagerNoticesTest {

    @Test
    void linksInTheCustomersWordsAreWrittenSoWhatsAppDoesNotMakeThemClickable() {
        assertThat(ManagerNotices.defused("Оплатил, чек тут: https://evil.example/receipt и на www.evil.example"))
                .isEqualTo("Оплатил, чек тут: hxxps://evil[.]example/receipt и на www[.]evil[.]example");
        assertThat(ManagerNotices.defused("Беру пакет за 150 000 ₸, спасибо!")).isEqualTo("Беру пакет за 150 000 ₸, спасибо!");
    }

    @Test
    void theQuoteIsOneTrimmedLine() {
        String quoted = ManagerNotices.quoted("  Да,\n\nберу " + "очень ".repeat(100) + " ");

        assertThat(quoted).startsWith("Да, беру очень").doesNotContain("\n").endsWith("…");
        assertThat(quoted.length()).isLessThanOrEqualTo(ManagerNotices.QUOTE_MAX_CHARS + 1);
    }
}
