package kz.aisales.gateway.voice;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.GeminiProperties;
import kz.aisales.gateway.config.VoiceProperties;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Builds the Gemini {@code generateContent} request for a voice note and reads the text out of its answer. */
@Component
public class GeminiTranscriptions {

    public static final String API_KEY_HEADER = "x-goog-api-key";

    private final GeminiProperties gemini;
    private final VoiceProperties voice;
    private final ObjectMapper json;

    public GeminiTranscriptions(GeminiProperties gemini, VoiceProperties voice, ObjectMapper json) {
        this.gemini = gemini;
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

    /** Headers of a {@code generateContent} call; the key travels in {@code x-goog-api-key}, never in the URL. */
    public void authorize(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("CamelHttp*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        message.setHeader(API_KEY_HEADER, gemini.apiKey());
    }

    /** The joined text of the answer's non-thought parts; a failure or an empty answer is a {@link GeminiException}. */
    public String text(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        JsonNode answer;
        try {
            answer = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new GeminiException("Gemini answered HTTP " + status + " with a body that is not JSON", status >= 500);
        }
        if (status < 200 || status > 299) {
            JsonNode error = answer == null ? null : answer.path("error");
            String text = error == null ? "" : error.path("status").asText("") + " " + error.path("message").asText("");
            boolean perDay = body != null && body.contains("PerDay");
            throw new GeminiException("Gemini answered HTTP " + status + ": " + text.trim(),
                    status >= 500 || (status == 429 && !perDay));
        }
        StringBuilder text = new StringBuilder();
        JsonNode candidate = answer.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false) && part.path("text").isTextual()) {
                text.append(part.path("text").asText());
            }
        }
        String finish = candidate.path("finishReason").asText("");
        if (text.isEmpty() || !(finish.isEmpty() || "STOP".equals(finish))) {
            throw new GeminiException("Gemini gave no usable transcription (finishReason " + finish
                    + ", blockReason " + answer.path("promptFeedback").path("blockReason").asText("none") + ")", false);
        }
        return text.toString().trim();
    }
}
