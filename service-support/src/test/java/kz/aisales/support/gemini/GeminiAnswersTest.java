package kz.aisales.support.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class GeminiAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTokensOfAnAnswerAreReadThoughtsIncluded() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"{}"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":87,"totalTokenCount":255,"thoughtsTokenCount":156}}""";

        assertThat(GeminiAnswers.read(JSON, 200, body)).isEqualTo(new GeminiAnswer("{}", 12, 87, 156));
    }

    @Test
    void thoughtPartsAreSkippedAndTheRestJoined() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[
                  {"text":"let me think","thought":true},{"text":"{\\"reply\\":"},{"text":"\\"Привет\\"}"}]},
                  "finishReason":"STOP"}]}""";

        assertThat(GeminiAnswers.read(JSON, 200, body).text()).isEqualTo("{\"reply\":\"Привет\"}");
    }

    @Test
    void aPerMinuteQuotaIsRetryableAfterTheDelayGeminiGives() {
        String body = """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}}""";

        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 429, body)).isInstanceOfSatisfying(GeminiRetryableException.class,
                e -> assertThat(e.retryDelay()).isEqualTo(Duration.ofMillis(1500)));
    }

    @Test
    void aPerDayQuotaIsNotRetryable() {
        String body = """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}]}}""";

        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 429, body)).isExactlyInstanceOf(GeminiException.class).hasMessageContaining("daily quota");
    }

    @Test
    void serverErrorsAreRetryableWithoutAGivenDelay() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\",\"message\":\"The model is overloaded.\"}}"))
                .isInstanceOfSatisfying(GeminiRetryableException.class, e -> assertThat(e.retryDelay()).isNull());
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 504, "")).isInstanceOf(GeminiRetryableException.class);
    }

    @Test
    void clientErrorsAreNotRetryable() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"model retired\"}}"))
                .isExactlyInstanceOf(GeminiException.class).hasMessageContaining("NOT_FOUND");
    }

    @Test
    void aBlockedPromptOrSafetyStopIsBlocked() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"))
                .isInstanceOf(GeminiBlockedException.class);
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 200, "{\"candidates\":[{\"finishReason\":\"PROHIBITED_CONTENT\"}]}"))
                .isInstanceOf(GeminiBlockedException.class);
    }

    @Test
    void aTruncatedAnswerIsAFailure() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 200,
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{\\\"reply\\\":\\\"Прив\"}]},\"finishReason\":\"MAX_TOKENS\"}]}"))
                .isExactlyInstanceOf(GeminiException.class).hasMessageContaining("MAX_TOKENS");
    }

    @Test
    void aProxysErrorPageOnA5xxIsStillRetryable() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 502, "<html>Bad Gateway</html>")).isInstanceOf(GeminiRetryableException.class);
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 400, "<html>Bad Request</html>")).isExactlyInstanceOf(GeminiException.class);
    }

    @Test
    void aGarbageBodyIsAFailure() {
        assertThatThrownBy(() -> GeminiAnswers.read(JSON, 200, "<html>proxy error</html>")).isExactlyInstanceOf(GeminiException.class);
    }
}
