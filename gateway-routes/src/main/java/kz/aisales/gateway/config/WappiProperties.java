package kz.aisales.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Wappi.pro connection. The token is optional at start: without it health reports "not configured"
 * and the poller stays idle. {@code chatsPageSize} and {@code messagesPageSize} are the {@code limit}
 * of one chat-list and one message-list request. A 429 waits what Wappi's {@code Retry-After} asks, at most
 * {@code maxRetryAfterSeconds}. A {@code fromMe} message whose id is not one a send returned is still our echo when
 * its text matches a message sent to that chat at most {@code echoWindowMinutes} before it.
 */
@Validated
@ConfigurationProperties("wappi")
public record WappiProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        String token,
        String profileId,
        @Min(1) @Max(500) int chatsPageSize,
        @Min(1) @Max(100) int messagesPageSize,
        @Min(0) @Max(600) int maxRetryAfterSeconds,
        @Min(1) @Max(120) int echoWindowMinutes) {

    public boolean configured() {
        return token != null && !token.isBlank() && profileId != null && !profileId.isBlank();
    }

    @Override
    public String toString() {
        return "WappiProperties[baseUrl=" + baseUrl + ", profileId=" + profileId + ", token=" + (configured() ? "***" : "")
                + ", chatsPageSize=" + chatsPageSize + ", messagesPageSize=" + messagesPageSize
                + ", maxRetryAfterSeconds=" + maxRetryAfterSeconds + ", echoWindowMinutes=" + echoWindowMinutes + "]";
    }
}
