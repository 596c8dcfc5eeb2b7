package kz.aisales.agent.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Conversation control: how long the agent stays silent with a contact after a person at the business wrote to
 * them, or an operator paused it without a time ({@code operatorPause}, hours unless a unit is given); and the
 * one short confirmation a customer who opts out receives, in Russian, Kazakh and English; the one line a customer
 * whose voice notes could not be transcribed receives instead of an answer (asking them to write), in the same three
 * languages; the thanks a customer who sent a payment receipt receives (the manager confirms the payment), in the
 * same three; the manager's number that gets a notice when a customer agrees to buy, books a call or sends a receipt
 * (empty = no notices).
 */
@Validated
@ConfigurationProperties("control")
public record ControlProperties(
        @NotNull @DurationUnit(ChronoUnit.HOURS) Duration operatorPause,
        @NotBlank String optOutReplyRu,
        @NotBlank String optOutReplyKk,
        @NotBlank String optOutReplyEn,
        @NotBlank String voiceUnheardReplyRu,
        @NotBlank String voiceUnheardReplyKk,
        @NotBlank String voiceUnheardReplyEn,
        @NotBlank String receiptReplyRu,
        @NotBlank String receiptReplyKk,
        @NotBlank String receiptReplyEn,
        @Pattern(regexp = "^$|^\\+?[0-9 ()-]{7,24}$", message = "must be a phone number such as 77011234567") String managerPhone) {

    @AssertTrue(message = "must be between 1 minute and 365 days")
    public boolean isOperatorPause() {
        return operatorPause == null
                || operatorPause.compareTo(Duration.ofMinutes(1)) >= 0 && operatorPause.compareTo(Duration.ofDays(365)) <= 0;
    }

    public boolean notifiesManager() {
        return managerPhone != null && !managerPhone.isBlank();
    }

    /** The manager's number as digits only, as the gateway sends to it. */
    public String managerPhoneDigits() {
        return managerPhone == null ? "" : managerPhone.replaceAll("[^0-9]", "");
    }

    /** The opt-out confirmation in the contact's language (Russian when it is not known). */
    public String optOutReply(String language) {
        return inLanguage(language, optOutReplyRu, optOutReplyKk, optOutReplyEn);
    }

    /** The request to write instead of a voice note that could not be heard, in the contact's language. */
    public String voiceUnheardReply(String language) {
        return inLanguage(language, voiceUnheardReplyRu, voiceUnheardReplyKk, voiceUnheardReplyEn);
    }

    /** The thanks for a payment receipt, saying the manager confirms it, in the contact's language. */
    public String receiptReply(String language) {
        return inLanguage(language, receiptReplyRu, receiptReplyKk, receiptReplyEn);
    }

    private static String inLanguage(String language, String ru, String kk, String en) {
        return switch (language == null ? "ru" : language) {
            case "kk" -> kk;
            case "en" -> en;
            default -> ru;
        };
    }
}
