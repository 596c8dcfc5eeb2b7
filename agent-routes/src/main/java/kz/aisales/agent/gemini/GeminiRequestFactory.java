package kz.aisales.agent.gemini;

import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.GeminiProperties;

import org.springframework.stereotype.Component;

/**
 * Builds requests that ask for JSON matching a schema, with the configured temperature, token budget and, per kind of
 * call, thinking ({@link Thinking}).
 */
@Component
public class GeminiRequestFactory {

    private final GeminiProperties gemini;
    private final Thinking thinking;

    public GeminiRequestFactory(GeminiProperties gemini) {
        this.gemini = gemini;
        this.thinking = Thinking.parse(gemini.thinking());
    }

    public GeminiRequest structured(Thinking.Kind kind, String systemInstruction, List<GeminiRequest.Content> contents,
            Map<String, Object> schema) {
        return new GeminiRequest(GeminiRequest.Content.system(systemInstruction), contents,
                new GeminiRequest.GenerationConfig(gemini.temperature(), gemini.maxOutputTokens(), "application/json", schema,
                        thinking.config(kind, gemini.model())));
    }
}
