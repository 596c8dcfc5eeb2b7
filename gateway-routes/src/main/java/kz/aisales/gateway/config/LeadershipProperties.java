package kz.aisales.gateway.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * One poller and one sender per Wappi number across gateway replicas: the replica that holds PostgreSQL's advisory
 * lock named {@code lockName} (by default the Wappi profile) polls and sends; the others take over within
 * {@code checkIntervalMs} of the leader's connection ending (a crash ends it at once).
 */
@Validated
@ConfigurationProperties("leadership")
public record LeadershipProperties(@NotBlank String lockName, @Min(100) @Max(60000) long checkIntervalMs) {
}
