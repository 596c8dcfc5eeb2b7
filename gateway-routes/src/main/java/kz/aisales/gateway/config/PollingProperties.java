package kz.aisales.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often Wappi is polled for new messages ({@code POLLING_INTERVAL}, seconds), and how far back
 * the very first start of the gateway reads ({@code POLLING_INITIAL_LOOKBACK_MINUTES}); later starts
 * continue from the stored cursors.
 */
@Validated
@ConfigurationProperties("polling")
public record PollingProperties(
        @Min(1) @Max(3600) int interval,
        @Min(0) @Max(43200) int initialLookbackMinutes) {
}
