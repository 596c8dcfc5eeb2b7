package kz.aisales.support.gemini;

import java.time.Duration;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;

/**
 * Reads a {@code generateContent} answer for both services (contracts/gemini.md): the text of the non-thought parts of
 * the first candidate, or the exception that says what to do about the failure: {@link GeminiRetryableException} for
 * a 5xx (whatever its body) and a per-minute 429 (with Gemini's {@code RetryInfo.retryDelay}), {@link
 * GeminiBlockedException} for a blocked prompt or answer, {@link GeminiException} for a daily quota, another 4xx, an
 * answer cut at the token limit or one without text. {@link #chooseRetryDelay} makes a redelivery wait what Gemini asked.
 */
public final class GeminiAnswers {

    private static final Set<String> BLOCKED = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION",
            "IMAGE_SAFETY", "LANGUAGE");

    private GeminiAnswers() {
    }

    public static GeminiAnswer read(ObjectMapper json, int status, String body) {
        if (status == 200) {
            return answer(parse(json, body, "an unreadable answer"));
        }
        JsonNode error;
        try {
            error = json.readTree(body == null || body.isBlank() ? "{}" : body).path("error");
        } catch (JsonProcessingException e) {
            // a proxy's error page: a 5xx is still worth another try
            if (status >= 500) {
                throw new GeminiRetryableException("HTTP " + status + " with a body that is not JSON", null);
            }
            throw new GeminiException("Gemini returned HTTP " + status + " with a body that is not JSON");
        }
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

    /**
     * For a redelivery policy's {@code onExceptionOccurred}: the next attempt waits Gemini's {@code retryDelay} (at most
     * {@code maxDelayMs}) after a 429 that gave one, the policy's own backoff otherwise.
     */
    public static void chooseRetryDelay(Exchange exchange, long maxDelayMs) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Duration asked = failure instanceof GeminiRetryableException retryable ? retryable.retryDelay() : null;
        if (asked == null) {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        } else {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(asked.toMillis(), maxDelayMs));
        }
    }

    private static GeminiAnswer answer(JsonNode response) {
        JsonNode usage = response.path("usageMetadata");
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
        return new GeminiAnswer(text.toString(), usage.path("promptTokenCount").asLong(0),
                usage.path("candidatesTokenCount").asLong(0), usage.path("thoughtsTokenCount").asLong(0));
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

    private static JsonNode parse(ObjectMapper json, String body, String what) {
        try {
            return json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new GeminiException("Gemini returned " + what + " that is not JSON");
        }
    }
}
