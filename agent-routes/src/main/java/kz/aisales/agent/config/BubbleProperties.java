package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * A reply or follow-up goes as up to {@code max} WhatsApp messages ({@code REPLY_BUBBLES_MAX}, 1 = always one), split
 * at its blank lines and, within a paragraph longer than {@code chars} ({@code REPLY_BUBBLE_CHARS}), at a sentence end.
 */
@Validated
@ConfigurationProperties("bubbles")
public record BubbleProperties(@Min(1) @Max(5) int max, @Min(50) @Max(4000) int chars) {
}
