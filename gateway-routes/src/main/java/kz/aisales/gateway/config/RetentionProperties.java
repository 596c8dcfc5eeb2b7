package kz.aisales.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway keeps what it saw and sent ({@code RETENTION_DAYS}): the message log with its texts, its own
 * sent messages and the processed-id (de-duplication) records. Pruned every {@code RETENTION_PRUNE_INTERVAL_MINUTES},
 * {@code batchSize} rows per statement so no delete holds its locks for long. Opt-outs are kept for good.
 */
@Validated
@ConfigurationProperties("retention")
public record RetentionProperties(
        @Min(1) @Max(3650) int days,
        @Min(1) @Max(1440) int pruneIntervalMinutes,
        @Min(100) @Max(100000) int batchSize) {
}
