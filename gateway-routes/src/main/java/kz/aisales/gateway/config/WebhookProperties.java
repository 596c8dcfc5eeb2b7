package kz.aisales.gateway.config;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Wappi's push ingress. {@code secret} ({@code WAPPI_WEBHOOK_SECRET}) authenticates {@code POST /webhooks/wappi};
 * without it the webhook refuses everything. With {@code url} ({@code WAPPI_WEBHOOK_URL}, the gateway's public
 * address of that endpoint) the gateway registers itself at Wappi for {@code types}, and once registered, polling
 * runs only every {@code reconcileInterval} seconds, to catch what a webhook missed.
 */
@Validated
@ConfigurationProperties("webhook")
public record WebhookProperties(
        String secret,
        @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String url,
        @Min(1) @Max(86400) int reconcileInterval,
        @NotEmpty List<String> types) {

    public boolean accepting() {
        return secret != null && !secret.isBlank();
    }

    /** Registering needs both a public URL and a secret: an open webhook is never registered. */
    public boolean registering() {
        return accepting() && url != null && !url.isBlank();
    }

    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (accepting() ? "***" : "") + ", url=" + (url == null ? "" : url)
                + ", reconcileInterval=" + reconcileInterval + ", types=" + types + "]";
    }
}
