package kz.aisales.agent.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The folder an operator puts edited prompt files in; a file missing there comes from the built-in copy. */
@Validated
@ConfigurationProperties("prompts")
public record PromptProperties(@NotBlank String path) {
}
