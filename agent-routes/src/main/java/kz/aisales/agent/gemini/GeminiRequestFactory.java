package kz.aisales.agent.gemini;

import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.GeminiProperties;

import org.springframework.stereotype.Component;

/** Builds requests that ask for JSON matching a schema, with the configured temperature and token budget. */
@Component
public class GeminiRequestFactory {

    private final GeminiProperties gemini;

    public GeminiRequestFactory(GeminiProperties gemini) {
        this.gemini = gemini;
    }

    public GeminiRequest structured(String systemInstruction, List<GeminiRequest.Content> contents, Map<String, Object> schema) {
        return new GeminiRequest(GeminiRequest.Content.system(systemInstruction), contents,
                new GeminiRequest.GenerationConfig(gemini.temperature(), gemini.maxOutputTokens(), "application/json", schema));
    }
}
