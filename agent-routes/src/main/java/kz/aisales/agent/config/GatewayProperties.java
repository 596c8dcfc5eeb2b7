package kz.aisales.agent.config;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the agent reaches the gateway ({@code GATEWAY_URL}, a URL or Render's {@code host:port}, with the gateway's
 * {@code X-API-Key}, {@code GATEWAY_API_KEY}): for the images and documents it kept because they were too large for
 * their queue message, and for its sending pause; and how long one call may take.
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(@NotBlank String url, String apiKey, @NotNull Duration timeout) {

    /** A request to {@code path} on the gateway, with its key and the timeout. */
    public HttpRequest.Builder request(String path) {
        String base = url.contains("://") ? url : "http://" + url;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path)).timeout(timeout);
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        return request;
    }
}
