package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutWordsTest {

    private final OptOutWords words = new OptOutWords();

    @ParameterizedTest
    @ValueSource(strings = {"стоп", "Стоп!", "STOP", "Не пишите мне больше", "отпишись", "Отпишите меня, пожалуйста",
            "unsubscribe", "Please stop messaging me", "don’t text me", "Маған енді жазбаңыз", "тоқта", "хватит"})
    void aRequestToStopIsRecognised(String text) {
        assertThat(words.asksToStop(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Сколько стоит курс?", "I can't stop thinking about the course", "стоп, а рассрочка есть?",
            "Подпишусь на рассылку", "Напишите мне завтра", ""})
    void anOrdinaryMessageIsNotAnOptOut(String text) {
        assertThat(words.asksToStop(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"продолжить", "Можете писать снова", "Хочу продолжить", "continue", "Please resume", "жалғастыру"})
    void aRequestToContinueIsRecognised(String text) {
        assertThat(words.asksToContinue(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"А сколько стоит?", "стоп", "unsubscribe", "ок"})
    void anythingElseIsNoRequestToContinue(String text) {
        assertThat(words.asksToContinue(text)).isFalse();
    }
}
