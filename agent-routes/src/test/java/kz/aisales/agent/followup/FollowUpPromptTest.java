package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.PromptProperties;
import kz.aisales.agent.conversation.ChatMessage;
import kz.aisales.agent.conversation.Contact;
import kz.aisales.agent.conversation.Turn;
import kz.aisales.agent.prompts.PromptTemplates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FollowUpPromptTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 31, 10, 0, 0, 0, ALMATY);

    @TempDir
    static Path prompts;

    private final FollowUpPrompt prompt = new FollowUpPrompt(new PromptTemplates(new PromptProperties(prompts.toString())),
            null, null, null, new BusinessProperties("AI Academy", "https://kaspi.kz/pay/x", "fallback", "greeting", "{slot}"),
            null, null, null);
    private final Turn conversation = new Turn(new Contact(1, "77010000001", "Иван", "Иван Петров", null, null, true, null, false, null), List.of(), List.of(
            new ChatMessage(1, "m1", "user", "Хочу сделать сайт для своего магазина", at(2026, 12, 25, 22, 0)),
            new ChatMessage(2, "r1", "assistant", "Отлично! Какой у вас опыт?", at(2026, 12, 25, 22, 30)),
            new ChatMessage(3, "f1", "assistant", "Иван, удалось подумать?", at(2026, 12, 28, 10, 0))));

    @Test
    void theTouchGetsTheOriginalVariablesAndItsStrategy() {
        Map<String, String> variables = prompt.variables(2, conversation, "other", NOW);

        assertThat(variables)
                .containsEntry("touch_number", "2")
                .containsEntry("touch_strategy", "конкретная ценность: что он сможет создать, один проект окупает курс")
                .containsEntry("last_bot_message", "Иван, удалось подумать?")
                .containsEntry("last_client_message", "Хочу сделать сайт для своего магазина")
                .containsEntry("hours_since_last_message", "132")
                .containsEntry("current_datetime", "2026-12-31T10:00, четверг")
                .containsEntry("contact_name", "Иван");
        assertThat(variables.get("conversation_history")).contains("Клиент (Иван): Хочу сделать сайт", "Мы: Иван, удалось подумать?");
        assertThat(variables.get("follow_up_reason")).contains("предыдущие касания (1)");
    }

    @Test
    void anUncertainLastAnswerIsTheReasonToWrite() {
        assertThat(prompt.variables(1, conversation, "uncertain", NOW).get("follow_up_reason")).contains("неопределённо");
    }

    @Test
    void theFifthTouchSaysFarewell() {
        assertThat(prompt.variables(5, conversation, null, NOW).get("touch_strategy")).startsWith("прощание");
    }

    @Test
    void anOperatorsCopyOfTheTextsReplacesTheStrategyItNamesAndKeepsTheRest() throws IOException {
        Files.writeString(prompts.resolve(FollowUpPrompt.TEXTS), "# our own\ntouch_2 = покажи кейс выпускника из Алматы\n");
        try {
            Map<String, String> variables = prompt.variables(2, conversation, "other", NOW);

            assertThat(variables).containsEntry("touch_strategy", "покажи кейс выпускника из Алматы");
            assertThat(variables.get("follow_up_reason")).contains("предыдущие касания (1)");
        } finally {
            Files.delete(prompts.resolve(FollowUpPrompt.TEXTS));
        }
    }

    private static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY).toOffsetDateTime();
    }
}
