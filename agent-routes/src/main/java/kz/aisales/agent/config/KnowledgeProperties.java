package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge base: .pdf, .txt and .md files in {@code path}, checked every {@code pollIntervalMs},
 * cut into passages of about {@code chunkChars}; a sales turn gets at most {@code maxPassages} passages
 * and {@code contextChars} characters of them. A file uploaded through the console may have at most
 * {@code maxUploadBytes}.
 */
@Validated
@ConfigurationProperties("knowledge")
public record KnowledgeProperties(
        @NotBlank String path,
        @Min(100) @Max(3600000) long pollIntervalMs,
        @Min(200) @Max(10000) int chunkChars,
        @Min(1) @Max(50) int maxPassages,
        @Min(0) @Max(100000) int contextChars,
        @Min(1) @Max(104857600) long maxUploadBytes) {
}
