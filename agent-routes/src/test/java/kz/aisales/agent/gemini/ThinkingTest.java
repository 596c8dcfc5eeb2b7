package kz.aisales.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.GeminiProperties;

import org.junit.jupiter.api.Test;

class ThinkingTest {

    @Test
    void aLevelForLaterModelsAndABudgetForGemini2() {
        Thinking low = Thinking.parse("low");

        assertThat(low.config(Thinking.Kind.SALES, "gemini-flash-latest")).isEqualTo(Map.of("thinkingLevel", "low"));
        assertThat(low.config(Thinking.Kind.SALES, "gemini-3-flash-preview")).isEqualTo(Map.of("thinkingLevel", "low"));
        assertThat(low.config(Thinking.Kind.SALES, "gemini-2.5-flash")).isEqualTo(Map.of("thinkingBudget", 512));
        assertThat(Thinking.parse("off").config(Thinking.Kind.SALES, "gemini-2.5-flash")).isEqualTo(Map.of("thinkingBudget", 0));
        assertThat(Thinking.parse("off").config(Thinking.Kind.SALES, "gemini-3-flash")).isEqualTo(Map.of("thinkingLevel", "minimal"));
        assertThat(Thinking.parse("1024").config(Thinking.Kind.SALES, "gemini-3-flash")).isEqualTo(Map.of("thinkingBudget", 1024));
        assertThat(Thinking.parse("auto").config(Thinking.Kind.SALES, "gemini-3-flash")).as("the model's own default").isNull();
    }

    @Test
    void eachKindOfCallHasItsOwnLevelAndLowByDefault() {
        Thinking perKind = Thinking.parse("moderator:minimal, follow-up:medium");

        assertThat(perKind.config(Thinking.Kind.MODERATOR, "gemini-flash-latest")).isEqualTo(Map.of("thinkingLevel", "minimal"));
        assertThat(perKind.config(Thinking.Kind.FOLLOW_UP, "gemini-flash-latest")).isEqualTo(Map.of("thinkingLevel", "medium"));
        assertThat(perKind.config(Thinking.Kind.SALES, "gemini-flash-latest")).isEqualTo(Map.of("thinkingLevel", "low"));
        assertThat(Thinking.parse("").config(Thinking.Kind.SALES, "gemini-flash-latest")).isEqualTo(Map.of("thinkingLevel", "low"));
    }

    @Test
    void aSettingThatIsNoLevelIsRefusedByName() {
        assertThatThrownBy(() -> Thinking.parse("lots")).hasMessageContaining("GEMINI_THINKING").hasMessageContaining("lots");
        assertThatThrownBy(() -> Thinking.parse("chat:low")).hasMessageContaining("'chat' is not moderator, sales or follow_up");
    }

    @Test
    void theRequestCarriesTheThinkingConfigInsideTheGenerationConfig() throws Exception {
        GeminiRequestFactory factory = new GeminiRequestFactory(new GeminiProperties("https://example.test", "k", "gemini-2.5-flash",
                0.4, 1024, 60000, 4, 1000, 60000, "sales:off"));

        JsonNode request = new ObjectMapper().valueToTree(factory.structured(Thinking.Kind.SALES, "system",
                List.of(GeminiRequest.Content.user("Сколько стоит курс?")), Map.of("type", "object")));

        assertThat(request.path("generationConfig").path("thinkingConfig").path("thinkingBudget").asInt(-5)).isZero();
        assertThat(request.path("generationConfig").path("thinkingConfig").has("thinkingLevel")).isFalse();
    }
}
