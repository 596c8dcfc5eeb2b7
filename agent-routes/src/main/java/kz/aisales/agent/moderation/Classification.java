package kz.aisales.agent.moderation;

import java.util.List;
import java.util.Map;

/**
 * The moderator's verdict: {@code isClient} null when there is nothing to go on yet, and then {@code greeting}, the
 * moderator's short greeting with one open question (absent otherwise, or when the model wrote none).
 */
public record Classification(Boolean isClient, double confidence, String reasoning, String greeting) {

    static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "isClient", Map.of("type", List.of("boolean", "null"),
                            "description", "true: a potential customer; false: spam, personal chat, wrong number; null: nothing to go on"),
                    "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1),
                    "reasoning", Map.of("type", "string", "description", "one sentence"),
                    "greeting", Map.of("type", List.of("string", "null"),
                            "description", "only when isClient is null: a short greeting with one open question; else null")),
            "required", List.of("isClient", "confidence", "reasoning"));
}
