package kz.aisales.gateway.config;

import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Media the gateway fetches before a message goes on: voice notes transcribed, images and documents attached.
 * Bounded retries of the download and of Gemini (a 429 waits its {@code retryDelay}, at most {@code maxRetryDelayMs}), the largest audio sent inline (Gemini accepts 20 MB per request,
 * base64 adds a third; a download stops reading past it), the largest image or document attached to the queue
 * message and the MIME types attached (what Gemini reads inline), the largest one kept for the agent to fetch instead
 * ({@code maxStoredBytes}, 0 = none; kept {@code storedHours}), the instruction given to Gemini, and where media
 * links may be fetched from ({@code MEDIA_LINK_HOSTS}, empty = any
 * public host; private and loopback addresses only when {@code allowPrivateMediaHosts}, which the tests set).
 */
@Validated
@ConfigurationProperties("voice")
public record VoiceProperties(
        @Min(0) @Max(10) int maxRetries,
        @Min(1) @Max(600000) long retryDelayMs,
        @Min(1) @Max(600000) long maxRetryDelayMs,
        @Min(1024) @Max(15000000) long maxInlineBytes,
        @Min(1024) @Max(15000000) long maxAttachmentBytes,
        @Min(0) @Max(15000000) long maxStoredBytes,
        @Min(1) @Max(720) int storedHours,
        List<String> attachmentMimeTypes,
        @NotBlank String prompt,
        List<String> mediaLinkHosts,
        boolean allowPrivateMediaHosts) {

    @AssertTrue(message = "MEDIA_MAX_STORED_BYTES must be 0 or at least MEDIA_MAX_INLINE_BYTES")
    public boolean isMaxStoredBytes() {
        return maxStoredBytes == 0 || maxStoredBytes >= maxAttachmentBytes;
    }

    /** The largest image or document taken at all: inline, or kept for the agent to fetch. */
    public long maxMediaBytes() {
        return Math.max(maxAttachmentBytes, maxStoredBytes);
    }

    public VoiceProperties {
        attachmentMimeTypes = attachmentMimeTypes == null ? List.of()
                : attachmentMimeTypes.stream().map(type -> type.strip().toLowerCase(Locale.ROOT)).filter(type -> !type.isEmpty()).toList();
        mediaLinkHosts = mediaLinkHosts == null ? List.of() : List.copyOf(mediaLinkHosts);
    }
}
