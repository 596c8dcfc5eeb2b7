package kz.aisales.agent.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Working hours (Monday to Friday, {@code start}:00 to {@code end}:00) in the business's time zone, and the
 * public holidays (days off, local dates) on which nobody works.
 */
@Validated
@ConfigurationProperties("working-hours")
public record WorkingHoursProperties(
        @Min(0) @Max(23) int start,
        @Min(1) @Max(24) int end,
        @NotNull ZoneId timezone,
        @NotNull List<LocalDate> holidays) {

    /** Judged only when the start itself is valid, so a bad start is reported alone. */
    @AssertTrue(message = "must be after the start of working hours")
    public boolean isEnd() {
        return start < 0 || start > 23 || end > start;
    }
}
