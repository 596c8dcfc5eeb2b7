package kz.aisales.agent.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import kz.aisales.agent.config.PromptProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {

    @TempDir
    Path folder;

    @Test
    void theBuiltInPromptIsUsedWhenTheFolderHasNone() {
        String prompt = new PromptTemplates(new PromptProperties(folder.toString()))
                .render("moderator_prompt.txt", Map.of("business_name", "Школа", "contact_name", "Иван",
                        "conversation_history", "Клиент: привет"));

        assertThat(prompt).contains("«Школа»", "имя: Иван", "Клиент: привет").doesNotContain("{business_name}");
    }

    @Test
    void anOperatorsFileReplacesTheBuiltInOneWithoutARestart() throws IOException {
        PromptTemplates templates = new PromptTemplates(new PromptProperties(folder.toString()));
        Files.writeString(folder.resolve("sales_agent_prompt.txt"), "Продавай {business_name}, JSON: {\"reply\": \"...\"}");

        assertThat(templates.render("sales_agent_prompt.txt", Map.of("business_name", "курсы")))
                .isEqualTo("Продавай курсы, JSON: {\"reply\": \"...\"}");
    }

    @Test
    void everyShippedPromptUsesOnlyTheVariablesTheAgentFills() {
        PromptTemplates templates = new PromptTemplates(new PromptProperties(folder.toString()));
        assertThat(templates.load("sales_agent_prompt.txt")).contains("{knowledge_base}", "{kaspi_payment_link}", "{contact_name}");
        assertThat(templates.load("follow_up_prompt.txt")).contains("{touch_number}", "{conversation_history}", "{last_bot_message}",
                "{last_client_message}", "{follow_up_reason}", "{hours_since_last_message}", "{current_datetime}", "{touch_strategy}");
        assertThat(templates.load("moderator_prompt.txt")).contains("{contact_name}", "{business_name}", "{conversation_history}");
        assertThat(templates.texts("follow_up_texts.txt")).containsKeys("touch_1", "touch_2", "touch_3", "touch_4", "touch_5",
                "reason_uncertain", "reason_first", "reason_again", "history_heading", "last_message_heading", "request")
                .allSatisfy((name, text) -> assertThat(text).as(name).isNotBlank().doesNotContain("="));
        assertThat(templates.texts("follow_up_texts.txt").get("request")).contains("{touch_number}");
        assertThat(templates.texts("manager_notices.txt")).containsKeys("notice", "unnamed", "wants_to_buy", "booked_call",
                "receipt_matched", "receipt_mismatched", "no_amount", "payer");
        assertThat(templates.texts(PromptTemplates.TURN_TEXTS)).containsKeys("moderator_full_name_heading",
                "moderator_history_heading", "moderator_request", "language_ru", "language_kk", "language_en", "working_hours",
                "knowledge_nothing_found");
    }
}
