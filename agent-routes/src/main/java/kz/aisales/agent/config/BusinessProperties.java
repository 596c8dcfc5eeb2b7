package kz.aisales.agent.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What is specific to the business: its name and Kaspi payment link (prompt variables), the reply sent
 * when Gemini cannot answer (the contact is then flagged for a human), the reply to a contact whose
 * intent is not yet known, and the proposal sent when a requested call time is outside working hours
 * ({@code {slot}} is replaced by the nearest valid time).
 */
@Validated
@ConfigurationProperties("business")
public record BusinessProperties(
        @NotBlank String name,
        String kaspiPaymentLink,
        @NotBlank String fallbackReply,
        @NotBlank String greetingReply,
        @NotBlank String callSlotProposal) {
}
