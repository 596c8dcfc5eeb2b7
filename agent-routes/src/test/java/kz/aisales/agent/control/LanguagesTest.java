package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import kz.aisales.agent.config.PromptProperties;
import kz.aisales.agent.prompts.PromptTemplates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    private final Languages languages = new Languages(new PromptTemplates(new PromptProperties("target/no-operator-prompts")));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Здравствуйте, сколько стоит курс?|ru",
            "Hello, how much is the course?|en",
            "Сәлеметсіз бе! Курс қанша тұрады?|kk",
            "Рахмет, керек емес|kk",
            "Привет, хочу на курс Vibe Coding|ru",
            "I want the AI Content Maker курс|en",
            "[image] Это какой курс?|ru",
            "[document: price-list.pdf] вот прайс|ru"})
    void theLanguageIsToldFromTheText(String text, String language) {
        assertThat(languages.detect(text)).isEqualTo(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍", "ok", "2000", "  ", "[image]", "[document: receipt.pdf]", "[sticker]"})
    void tooLittleTextTellsNothing(String text) {
        assertThat(languages.detect(text)).isNull();
    }

    @Test
    void eachLanguageHasItsInstructionAndRussianIsTheDefault() {
        assertThat(languages.instruction("en")).contains("Reply only in English");
        assertThat(languages.instruction("kk")).contains("қазақ тілінде жауап бер");
        assertThat(languages.instruction("ru")).contains("на русском");
        assertThat(languages.instruction(null)).isEqualTo(languages.instruction("ru"));
    }
}
