package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code dead-letter} policy's redelivery of a failed message (a database or broker hiccup in any step of its
 * turn): up to {@code maxRetries} tries, the first after {@code delayMs}, doubling up to {@code maxDelayMs}, then the
 * original message goes to the dead-letter queue with the reason.
 */
@Validated
@ConfigurationProperties("retry")
public record RetryProperties(
        @Min(0) @Max(100) int maxRetries,
        @Min(1) @Max(600000) long delayMs,
        @Min(1) @Max(3600000) long maxDelayMs) {
}
