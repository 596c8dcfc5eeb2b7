package kz.aisales.agent.gemini;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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

        /** The content's text; its inline files are left out. */
        public String text() {
            return String.join("\n", parts.stream().map(Part::text).filter(Objects::nonNull).toList());
        }

        /** This content with {@code more} parts after its own. */
        public Content with(List<Part> more) {
            List<Part> all = new ArrayList<>(parts);
            all.addAll(more);
            return new Content(role, all);
        }
    }

    /** A text, or a file sent inline (contracts/gemini.md: {@code inline_data} with {@code mime_type} and base64 {@code data}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String text, @JsonProperty("inline_data") InlineData inlineData) {

        public Part(String text) {
            this(text, null);
        }

        public static Part inline(String mimeType, byte[] data) {
            return new Part(null, new InlineData(mimeType, Base64.getEncoder().encodeToString(data)));
        }
    }

    public record InlineData(@JsonProperty("mime_type") String mimeType, @JsonProperty("data") String data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GenerationConfig(double temperature, int maxOutputTokens, String responseMimeType,
            Map<String, Object> responseJsonSchema, Map<String, Object> thinkingConfig) {
    }
}
