package kz.aisales.agent.gemini;

import java.time.Duration;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.operations.AgentMetrics;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code generateContent} answer: the text of the non-thought parts of the first candidate, or
 * the exception that says what to do about the failure (see contracts/gemini.md).
 */
@Component
public class GeminiResponseReader {

    private static final Set<String> BLOCKED = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION",
            "IMAGE_SAFETY", "LANGUAGE");

    private final ObjectMapper json;
    private final AgentMetrics metrics;

    public GeminiResponseReader(ObjectMapper json, AgentMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public String read(@Header(Exchange.HTTP_RESPONSE_CODE) int status, String body) {
        if (status == 200) {
            return answer(parse(body, "an unreadable answer"));
        }
        JsonNode error = parse(body == null || body.isBlank() ? "{}" : body, "HTTP " + status).path("error");
        String reason = "HTTP " + status + " " + error.path("status").asText("") + ": " + error.path("message").asText("");
        if (status == 429) {
            if (dailyQuota(error)) {
                throw new GeminiException("daily quota exhausted, not retried (" + reason + ")");
            }
            throw new GeminiRetryableException(reason, retryDelay(error));
        }
        if (status >= 500) {
            throw new GeminiRetryableException(reason, null);
        }
        throw new GeminiException(reason);
    }

    private String answer(JsonNode response) {
        JsonNode usage = response.path("usageMetadata");
        metrics.tokens(usage.path("promptTokenCount").asLong(0), usage.path("candidatesTokenCount").asLong(0),
                usage.path("thoughtsTokenCount").asLong(0));
        String blockReason = response.path("promptFeedback").path("blockReason").asText("");
        JsonNode candidates = response.path("candidates");
        if (!blockReason.isEmpty() || candidates.isEmpty()) {
            throw new GeminiBlockedException("prompt blocked: " + (blockReason.isEmpty() ? "no candidates" : blockReason));
        }
        JsonNode candidate = candidates.get(0);
        String finishReason = candidate.path("finishReason").asText("STOP");
        if (BLOCKED.contains(finishReason)) {
            throw new GeminiBlockedException("answer blocked: " + finishReason);
        }
        if ("MAX_TOKENS".equals(finishReason)) {
            throw new GeminiException("answer cut at the token limit (MAX_TOKENS)");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false) && part.has("text")) {
                text.append(part.path("text").asText());
            }
        }
        if (text.isEmpty()) {
            throw new GeminiException("answer without text (finishReason " + finishReason + ")");
        }
        return text.toString();
    }

    private static boolean dailyQuota(JsonNode error) {
        return StreamSupport.stream(error.path("details").spliterator(), false)
                .flatMap(detail -> StreamSupport.stream(detail.path("violations").spliterator(), false))
                .anyMatch(violation -> violation.path("quotaId").asText("").contains("PerDay"));
    }

    private static Duration retryDelay(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String delay = detail.path("retryDelay").asText("");
            if (delay.endsWith("s")) {
                try {
                    return Duration.ofMillis(Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private JsonNode parse(String body, String what) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new GeminiException("Gemini returned " + what + " that is not JSON");
        }
    }
}
