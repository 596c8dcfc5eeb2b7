package kz.aisales.gateway.whitelist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void spacedPlusFormDigitsAndWhatsAppIdAllNormaliseToTheSameNumber() {
        assertThat(PhoneNumbers.normalize("+7 775 283 7306")).isEqualTo("77752837306");
        assertThat(PhoneNumbers.normalize("77752837306")).isEqualTo("77752837306");
        assertThat(PhoneNumbers.normalize("77752837306@c.us")).isEqualTo("77752837306");
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }

    @Test
    void aWhatsAppNumberHasTenToFifteenDigits() {
        assertThat(PhoneNumbers.plausible("7701555123")).isTrue();
        assertThat(PhoneNumbers.plausible("770155512345678")).isTrue();
        assertThat(PhoneNumbers.plausible("770155512")).isFalse();
        assertThat(PhoneNumbers.plausible("7701555123456789")).isFalse();
        assertThat(PhoneNumbers.plausible("")).isFalse();
    }
}
