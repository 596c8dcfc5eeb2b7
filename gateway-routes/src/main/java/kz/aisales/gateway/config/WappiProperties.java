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
 * of one chat-list and one message-list request.
 */
@Validated
@ConfigurationProperties("wappi")
public record WappiProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        String token,
        String profileId,
        @Min(1) @Max(500) int chatsPageSize,
        @Min(1) @Max(100) int messagesPageSize) {

    public boolean configured() {
        return token != null && !token.isBlank() && profileId != null && !profileId.isBlank();
    }

    @Override
    public String toString() {
        return "WappiProperties[baseUrl=" + baseUrl + ", profileId=" + profileId + ", token=" + (configured() ? "***" : "")
                + ", chatsPageSize=" + chatsPageSize + ", messagesPageSize=" + messagesPageSize + "]";
    }
}
