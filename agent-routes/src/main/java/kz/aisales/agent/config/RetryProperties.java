package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code dead-letter} policy's redelivery of a failed message: up to {@code maxRetries} tries, the first after
 * {@code delayMs}, doubling up to {@code maxDelayMs}, then the original message goes to the dead-letter queue with
 * the reason. A database or broker outage is no fault of the message: it is retried for as long as it lasts, the
 * first after {@code delayMs}, doubling up to {@code outageMaxDelayMs}.
 */
@Validated
@ConfigurationProperties("retry")
public record RetryProperties(
        @Min(0) @Max(100) int maxRetries,
        @Min(1) @Max(600000) long delayMs,
        @Min(1) @Max(3600000) long maxDelayMs,
        @Min(1) @Max(3600000) long outageMaxDelayMs) {
}
