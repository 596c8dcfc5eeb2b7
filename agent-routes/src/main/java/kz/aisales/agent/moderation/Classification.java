package kz.aisales.agent.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moderator's verdict: {@code isClient} null when there is nothing to go on yet, and then {@code greeting}, the
 * moderator's short greeting with one open question (absent otherwise, or when the model wrote none).
 */
public record Classification(Boolean isClient, double confidence, String reasoning, String greeting) {

    /** The verdict alone, as the moderator's call and a new contact's first sales call ask for it. */
    public static final Map<String, Object> VERDICT_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "isClient", Map.of("type", List.of("boolean", "null"),
                            "description", "true: a potential customer; false: spam, personal chat, wrong number; null: nothing to go on"),
                    "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1),
                    "reasoning", Map.of("type", "string", "description", "one sentence")),
            "required", List.of("isClient", "confidence", "reasoning"));

    static final Map<String, Object> SCHEMA = withGreeting();

    private static Map<String, Object> withGreeting() {
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) VERDICT_SCHEMA.get("properties"));
        properties.put("greeting", Map.of("type", List.of("string", "null"),
                "description", "only when isClient is null: a short greeting with one open question; else null"));
        return Map.of("type", "object", "properties", properties, "required", VERDICT_SCHEMA.get("required"));
    }
}
