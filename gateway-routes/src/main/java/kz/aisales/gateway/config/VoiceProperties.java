package kz.aisales.gateway.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Voice-note transcription: bounded retries of the download and of Gemini, the largest audio sent
 * inline (Gemini accepts 20 MB per request, base64 adds a third; a download stops reading past it), the
 * instruction given to Gemini, and where media links may be fetched from ({@code MEDIA_LINK_HOSTS}, empty = any
 * public host; private and loopback addresses only when {@code allowPrivateMediaHosts}, which the tests set).
 */
@Validated
@ConfigurationProperties("voice")
public record VoiceProperties(
        @Min(0) @Max(10) int maxRetries,
        @Min(1) @Max(600000) long retryDelayMs,
        @Min(1024) @Max(15000000) long maxInlineBytes,
        @NotBlank String prompt,
        List<String> mediaLinkHosts,
        boolean allowPrivateMediaHosts) {

    public VoiceProperties {
        mediaLinkHosts = mediaLinkHosts == null ? List.of() : List.copyOf(mediaLinkHosts);
    }
}
