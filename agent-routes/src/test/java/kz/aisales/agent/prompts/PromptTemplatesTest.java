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
    }
}
