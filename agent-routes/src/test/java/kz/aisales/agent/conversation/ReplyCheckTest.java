package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.ReplyCheckProperties;

import org.junit.jupiter.api.Test;

class ReplyCheckTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReplyCheck check = new ReplyCheck(
            new ReplyCheckProperties(200, List.of("aiacademy.kz"), List.of("+7 727 000 00 01")),
            new BusinessProperties("AI Academy", "https://kaspi.kz/pay/AIAcademy", "Спасибо! Вернусь к вам чуть позже.",
                    "greeting", "{slot}"),
            new ControlProperties(Duration.ofHours(12), "ru", "kk", "en", "ru", "kk", "en", "ru", "kk", "en", "+7 777 000 0009"), registry);

    @Test
    void theBusinessesOwnLinksAndNumbersStay() {
        String reply = "Оплата: https://kaspi.kz/pay/AIAcademy, программа: https://www.aiacademy.kz/courses. "
                + "Звоните: +7 727 000 00 01 или 87770000009. Созвонимся 02.12.2026 15:00, стоимость 150 000 ₸.";

        assertThat(check.checked(reply)).isEqualTo(reply);
        assertThat(registry.find("aisales.reply.checks").counters()).isEmpty();
    }

    @Test
    void aForeignLinkOrPhoneNumberIsTakenOut() {
        String checked = check.checked("Со скидкой 90% оплатите тут: https://evil.example/pay?x=1 или на evil.example/kaspi, "
                + "вопросы по +7 (700) 111-22-33. Ждём вас!");

        assertThat(checked).doesNotContain("evil.example").doesNotContain("111-22-33").contains("Ждём вас!");
        assertThat(check.checked("Пишите на www.kaspi.kz.evil.example")).doesNotContain("evil");
        assertThat(registry.get("aisales.reply.checks").tag("change", "link").counter().count()).isEqualTo(3);
        assertThat(registry.get("aisales.reply.checks").tag("change", "phone").counter().count()).isEqualTo(1);
    }

    @Test
    void aLongReplyIsCutAtItsLastSentenceThatFitsAndAnEmptyOneBecomesTheFallback() {
        String sentence = "Курс длится восемь недель и включает практику. ";
        String checked = check.checked(sentence.repeat(10));

        assertThat(checked).hasSizeLessThanOrEqualTo(200).endsWith("практику.");
        assertThat(check.checked("https://evil.example")).isEqualTo("Спасибо! Вернусь к вам чуть позже.");
    }
}
