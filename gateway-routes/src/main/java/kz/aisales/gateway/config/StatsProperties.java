package kz.aisales.gateway.config;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The time zone in which {@code GET /stats} counts "today" ({@code TIMEZONE}). */
@Validated
@ConfigurationProperties("stats")
public record StatsProperties(@NotNull ZoneId timezone) {
}
