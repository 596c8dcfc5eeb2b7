package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the files customers send (images, documents) are kept: their bytes are deleted {@code retentionDays} after
 * they arrived, checked every {@code pruneIntervalMinutes}, {@code batchSize} files per transaction.
 */
@Validated
@ConfigurationProperties("media")
public record MediaProperties(
        @Min(1) @Max(3650) int retentionDays,
        @Min(1) @Max(1440) int pruneIntervalMinutes,
        @Min(1) @Max(10000) int batchSize) {
}
