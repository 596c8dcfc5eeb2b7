package kz.aisales.agent.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the agent fetches an image or a document the gateway kept because it was too large for its queue message
 * ({@code GATEWAY_URL}, a URL or Render's {@code host:port}, with the gateway's {@code X-API-Key}, {@code GATEWAY_API_KEY}),
 * and how long one fetch may take.
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(@NotBlank String url, String apiKey, @NotNull Duration timeout) {
}
