package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import kz.aisales.agent.config.PromptProperties;
import kz.aisales.agent.conversation.PaymentClaim;
import kz.aisales.agent.prompts.PromptTemplates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagerNoticesTest {

    @Test
    void linksInTheCustomersWordsAreWrittenSoWhatsAppDoesNotMakeThemClickable() {
        assertThat(ManagerNotices.defused("Оплатил, чек тут: https://evil.example/receipt и на www.evil.example"))
                .isEqualTo("Оплатил, чек тут: hxxps://evil[.]example/receipt и на www[.]evil[.]example");
        assertThat(ManagerNotices.defused("Беру пакет за 150 000 ₸, спасибо!")).isEqualTo("Беру пакет за 150 000 ₸, спасибо!");
    }

    @TempDir
    Path prompts;

    @Test
    void aReceiptReadsFromTheEditableTextsAndAnOperatorsCopyReplacesALine() throws IOException {
        PromptTemplates templates = new PromptTemplates(new PromptProperties(prompts.toString()));
        PaymentClaim matched = new PaymentClaim(new BigDecimal("200000"), "KZT", "2026-12-01", "Данияр К.", "ИП AI Academy", true, null);
        PaymentClaim other = new PaymentClaim(new BigDecimal("150000"), "KZT", null, " ", null, false, "150 000 ₸ is none of the prices");

        assertThat(ManagerNotices.receipt(templates.texts(ManagerNotices.TEXTS), matched))
                .isEqualTo("прислал чек: 200 000 ₸ от Данияр К., 2026-12-01. Проверьте оплату в Kaspi и откройте доступ");
        assertThat(ManagerNotices.receipt(templates.texts(ManagerNotices.TEXTS), other))
                .isEqualTo("прислал чек, который не совпал (150 000 ₸ is none of the prices): 150 000 ₸. Нужен человек");

        Files.writeString(prompts.resolve(ManagerNotices.TEXTS), "receipt_matched = чек на {amount}{payer}: подтвердите в Kaspi\n");
        assertThat(ManagerNotices.receipt(templates.texts(ManagerNotices.TEXTS), matched))
                .isEqualTo("чек на 200 000 ₸ от Данияр К.: подтвердите в Kaspi");
    }

    @Test
    void theQuoteIsOneTrimmedLine() {
        String quoted = ManagerNotices.quoted("  Да,\n\nберу " + "очень ".repeat(100) + " ");

        assertThat(quoted).startsWith("Да, беру очень").doesNotContain("\n").endsWith("…");
        assertThat(quoted.length()).isLessThanOrEqualTo(ManagerNotices.QUOTE_MAX_CHARS + 1);
    }
}
