package kz.aisales.gateway.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Wappi.pro connection. The token is optional at start: without it health reports "not configured". */
@Validated
@ConfigurationProperties("wappi")
public record WappiProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        String token,
        String profileId) {

    public boolean configured() {
        return token != null && !token.isBlank() && profileId != null && !profileId.isBlank();
    }

    @Override
    public String toString() {
        return "WappiProperties[baseUrl=" + baseUrl + ", profileId=" + profileId + ", token=" + (configured() ? "***" : "") + "]";
    }
}
