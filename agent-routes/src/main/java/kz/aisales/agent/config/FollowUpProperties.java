package kz.aisales.agent.config;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The follow-up sequence: on or off, and the hours after the last bot message for each touch. */
@Validated
@ConfigurationProperties("follow-up")
public record FollowUpProperties(
        boolean enabled,
        @NotEmpty @Size(max = 10) List<@Positive Integer> intervals) {
}
