package kz.aisales.agent.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Gemini, used for moderation, sales replies and follow-ups. The key is optional at start. */
@Validated
@ConfigurationProperties("gemini")
public record GeminiProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        String apiKey,
        @NotBlank String model) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "GeminiProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (configured() ? "***" : "") + "]";
    }
}
