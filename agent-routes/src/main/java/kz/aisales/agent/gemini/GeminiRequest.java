package kz.aisales.agent.gemini;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code generateContent}: a system instruction, the conversation, and a JSON schema for the answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeminiRequest(Content systemInstruction, List<Content> contents, GenerationConfig generationConfig) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(String role, List<Part> parts) {

        public static Content user(String text) {
            return new Content("user", List.of(new Part(text)));
        }

        public static Content model(String text) {
            return new Content("model", List.of(new Part(text)));
        }

        public static Content system(String text) {
            return new Content(null, List.of(new Part(text)));
        }

        public String text() {
            return String.join("\n", parts.stream().map(Part::text).toList());
        }
    }

    public record Part(String text) {
    }

    public record GenerationConfig(double temperature, int maxOutputTokens, String responseMimeType,
            Map<String, Object> responseJsonSchema) {
    }
}
