package kz.aisales.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound rate limit ({@code rateLimit} send attempts per {@code ratePeriodSeconds}, counted by the throttle over
 * {@link #rateWindowMillis()}: the period plus {@code rateMarginMs}, because the throttle counts when a call leaves and
 * Wappi when it arrives, and a later call may travel faster than an earlier one), the bounded
 * exponential retry of Wappi 5xx, 429 and timeouts before a message is dead-lettered, how often a waiting
 * follow-up looks again whether replies are still waiting ({@code followUpWaitMs}), and the minimum time
 * between two messages to the same customer ({@code minGapSeconds}, 0 = none). Sending pauses for the profile on a ban
 * signal: a {@code temporary ban} delivery status, or {@code undeliveredRunToPause} undelivered messages in a row; while
 * paused, a follow-up looks again every {@code pausedWaitMs}, and the manager ({@code managerPhone}, when set) gets
 * {@code pausedNotice} with its {@code {reason}} and {@code {since}} filled in. A message that must wait for its customer (gap, typing
 * time) while no other is waiting looks again every {@code waitSliceMs} whether one arrived to go first.
 */
@Validated
@ConfigurationProperties("sending")
public record SendingProperties(
        @Min(1) @Max(1000) int rateLimit,
        @Min(1) @Max(3600) int ratePeriodSeconds,
        @Min(0) @Max(60000) long rateMarginMs,
        @Min(0) @Max(20) int maxRetries,
        @Min(1) @Max(600000) long retryDelayMs,
        @Min(1) @Max(3600000) long maxRetryDelayMs,
        @Min(10) @Max(60000) long followUpWaitMs,
        @Min(0) @Max(3600) int minGapSeconds,
        @Min(1) @Max(1000) int undeliveredRunToPause,
        @Min(100) @Max(60000) long pausedWaitMs,
        @Min(10) @Max(5000) long waitSliceMs,
        String managerPhone,
        @NotBlank String pausedNotice) {

    /** The throttle's sliding window: no more than {@code rateLimit} calls leave within any such span. */
    public long rateWindowMillis() {
        return ratePeriodSeconds * 1000L + rateMarginMs;
    }
}
