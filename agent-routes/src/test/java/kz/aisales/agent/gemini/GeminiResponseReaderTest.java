package kz.aisales.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import kz.aisales.agent.operations.AgentMetrics;

import org.junit.jupiter.api.Test;

class GeminiResponseReaderTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GeminiResponseReader reader = new GeminiResponseReader(new ObjectMapper(), new AgentMetrics(meters));

    @Test
    void theTokensOfAnAnswerAreCountedThoughtsIncluded() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"{}"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":87,"totalTokenCount":255,"thoughtsTokenCount":156}}""";

        reader.read(200, body);

        assertThat(meters.get("aisales.gemini.tokens").tag("type", "prompt").counter().count()).isEqualTo(12);
        assertThat(meters.get("aisales.gemini.tokens").tag("type", "output").counter().count()).isEqualTo(87);
        assertThat(meters.get("aisales.gemini.tokens").tag("type", "thoughts").counter().count()).isEqualTo(156);
    }

    @Test
    void thoughtPartsAreSkippedAndTheRestJoined() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[
                  {"text":"let me think","thought":true},{"text":"{\\"reply\\":"},{"text":"\\"Привет\\"}"}]},
                  "finishReason":"STOP"}]}""";

        assertThat(reader.read(200, body)).isEqualTo("{\"reply\":\"Привет\"}");
    }

    @Test
    void aPerMinuteQuotaIsRetryableAfterTheDelayGeminiGives() {
        String body = """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}}""";

        assertThatThrownBy(() -> reader.read(429, body)).isInstanceOfSatisfying(GeminiRetryableException.class,
                e -> assertThat(e.retryDelay()).isEqualTo(Duration.ofMillis(1500)));
    }

    @Test
    void aPerDayQuotaIsNotRetryable() {
        String body = """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}""";

        assertThatThrownBy(() -> reader.read(429, body)).isExactlyInstanceOf(GeminiException.class).hasMessageContaining("daily quota");
    }

    @Test
    void serverErrorsAreRetryableWithoutAGivenDelay() {
        assertThatThrownBy(() -> reader.read(503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"The model is overloaded.\"}}"))
                .isInstanceOfSatisfying(GeminiRetryableException.class, e -> assertThat(e.retryDelay()).isNull());
        assertThatThrownBy(() -> reader.read(504, "")).isInstanceOf(GeminiRetryableException.class);
    }

    @Test
    void clientErrorsAreNotRetryable() {
        assertThatThrownBy(() -> reader.read(404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"model retired\"}}"))
                .isExactlyInstanceOf(GeminiException.class).hasMessageContaining("NOT_FOUND");
    }

    @Test
    void aBlockedPromptOrSafetyStopIsBlocked() {
        assertThatThrownBy(() -> reader.read(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"))
                .isInstanceOf(GeminiBlockedException.class);
        assertThatThrownBy(() -> reader.read(200, "{\"candidates\":[{\"finishReason\":\"PROHIBITED_CONTENT\"}]}"))
                .isInstanceOf(GeminiBlockedException.class);
    }

    @Test
    void aTruncatedAnswerIsAFailure() {
        assertThatThrownBy(() -> reader.read(200,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{\\\"reply\\\":\\\"Прив\"}]},\"finishReason\":\"MAX_TOKENS\"}]}"))
                .isExactlyInstanceOf(GeminiException.class).hasMessageContaining("MAX_TOKENS");
    }

    @Test
    void aGarbageBodyIsAFailure() {
        assertThatThrownBy(() -> reader.read(200, "<html>proxy error</html>")).isExactlyInstanceOf(GeminiException.class);
    }
}
