package kz.aisales.gateway.config;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Budgets for "cold" messages, those to a customer who did not write in the last {@code quietHours}: at most
 * {@code perHour} in any hour and {@code perDay} in any 24 hours from the number. A new number warms up: on its day
 * d (counted from {@code numberSince}, the day it started on WhatsApp; unset = not a new number) of
 * {@code warmUpDays} both budgets are (d + 1) / warmUpDays of their value, at least 1. A follow-up over budget waits
 * on its queue and looks again every {@code waitMs}.
 */
@Validated
@ConfigurationProperties("cold-sending")
public record ColdSendingProperties(
        @Min(1) @Max(10000) int perHour,
        @Min(1) @Max(100000) int perDay,
        @Min(0) @Max(365) int warmUpDays,
        LocalDate numberSince,
        @Min(1) @Max(168) int quietHours,
        @Min(100) @Max(3600000) long waitMs) {
}
