package kz.aisales.agent.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * The follow-up sequence: on or off; the hours after the last bot message for each touch (one touch per
 * interval, at most five: one per strategy); the Quartz cron of the tick that sends due touches (in
 * {@code TIMEZONE}, holidays excluded); how many touches one tick claims; and how long a claimed touch
 * stays reserved for the tick writing it (seconds unless a unit is given) before another may take it over; at most
 * {@code perDay} touches a day from the number (and one a day to a customer), and each due time moved by a random
 * {@code jitterMinutes} at most inside its working window, so touches due together do not all go out at 10:00:00.
 */
@Validated
@ConfigurationProperties("follow-up")
public record FollowUpProperties(
        boolean enabled,
        @NotEmpty @Size(max = 5) List<@Positive Integer> intervals,
        @NotBlank String cron,
        @Min(1) @Max(500) int batchSize,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration claimLease,
        @Min(1) @Max(100000) int perDay,
        @Min(0) @Max(600) int jitterMinutes) {

    @AssertTrue(message = "is not a valid Quartz cron expression")
    public boolean isCron() {
        return cron == null || cron.isBlank() || CronExpression.isValidExpression(cron);
    }

    @AssertTrue(message = "must be at least 60s")
    public boolean isClaimLease() {
        return claimLease == null || claimLease.compareTo(Duration.ofSeconds(60)) >= 0;
    }

    /** The number of touches in a sequence. */
    public int touches() {
        return intervals.size();
    }
}
