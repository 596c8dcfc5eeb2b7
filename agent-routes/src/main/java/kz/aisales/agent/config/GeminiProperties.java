package kz.aisales.agent.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Gemini, used for moderation, sales replies and follow-ups. The key is optional at start. Failed calls
 * (5xx, timeouts, 429 with a per-minute quota) are retried {@code maxRetries} times, from
 * {@code retryDelayMs} doubling up to {@code maxRetryDelayMs}; a 429 waits its own {@code retryDelay}
 * unless that is longer than {@code maxRetryDelayMs}. {@code thinking} ({@code GEMINI_THINKING}) is how much each kind of
 * call may think ({@code kz.aisales.agent.gemini.Thinking}).
 */
@Validated
@ConfigurationProperties("gemini")
public record GeminiProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        String apiKey,
        @NotBlank String model,
        @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @Min(64) @Max(65536) int maxOutputTokens,
        @Min(1000) @Max(600000) int timeoutMs,
        @Min(0) @Max(20) int maxRetries,
        @Min(1) @Max(60000) long retryDelayMs,
        @Min(1) @Max(600000) long maxRetryDelayMs,
        String thinking) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "GeminiProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (configured() ? "***" : "") + "]";
    }
}
