package kz.aisales.gateway.voice;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.support.gemini.GeminiAnswers;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Builds the Gemini {@code generateContent} request for a voice note and reads the text out of its answer. */
@Component
public class GeminiTranscriptions {

    private final VoiceProperties voice;
    private final ObjectMapper json;

    public GeminiTranscriptions(VoiceProperties voice, ObjectMapper json) {
        this.voice = voice;
        this.json = json;
    }

    public void request(MediaFile clip, Exchange exchange) throws JsonProcessingException {
        Map<String, Object> body = Map.of("contents", List.of(Map.of("role", "user", "parts", List.of(
                Map.of("text", voice.prompt()),
                Map.of("inline_data", Map.of("mime_type", clip.mimeType(),
                        "data", Base64.getEncoder().encodeToString(clip.data())))))));
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }

    /** Headers of a {@code generateContent} call (the key is added by the HTTP client, never a Camel header). */
    public void headers(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("CamelHttp*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
    }

    /**
     * The answer's text, read by the core both services share ({@link GeminiAnswers}): a failure, a blocked or an empty
     * answer is a {@link kz.aisales.support.gemini.GeminiException}, retryable or not.
     */
    public String text(Exchange exchange) {
        Message message = exchange.getMessage();
        return GeminiAnswers.read(json, message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                message.getBody(String.class)).text().trim();
    }
}
