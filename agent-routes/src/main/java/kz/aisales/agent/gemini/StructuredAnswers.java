package kz.aisales.agent.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.support.gemini.GeminiException;

import org.springframework.stereotype.Component;

/** Maps the JSON text Gemini returned under {@code responseJsonSchema} onto a record. */
@Component
public class StructuredAnswers {

    private final ObjectMapper json;

    public StructuredAnswers(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new GeminiException("answer is not the " + type.getSimpleName() + " JSON asked for");
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
