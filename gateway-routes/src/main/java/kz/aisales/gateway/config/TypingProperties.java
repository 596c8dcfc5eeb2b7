package kz.aisales.gateway.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a reply or a follow-up "is typed" before it leaves, as a person would take: {@code msPerChar} for each
 * character ({@code 0} = no typing time), kept within {@code minMs} and {@code maxMs}, then moved at random by up to
 * {@code jitterPercent} (still within those bounds), so that no two messages of the same length wait the same time.
 * {@code presence} shows "typing..." through Wappi meanwhile (an unconfirmed endpoint: switched off at its first
 * failure, never blocking the send).
 */
@Validated
@ConfigurationProperties("typing")
public record TypingProperties(
        @Min(0) @Max(1000) int msPerChar,
        @Min(0) @Max(60000) long minMs,
        @Min(0) @Max(120000) long maxMs,
        @Min(0) @Max(90) int jitterPercent,
        boolean presence) {

    @AssertTrue(message = "TYPING_MIN_MS must not exceed TYPING_MAX_MS")
    public boolean isOrdered() {
        return minMs <= maxMs;
    }

    public boolean enabled() {
        return msPerChar > 0;
    }
}
