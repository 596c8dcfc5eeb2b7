package kz.aisales.support.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogMaskingTest {

    @Test
    void phoneNumbersKeepTheirFirstAndLastFourDigits() {
        assertThat(LogMasking.mask("Message 3EB0A from 77011110001@c.us forwarded"))
                .isEqualTo("Message 3EB0A from 7701***0001@c.us forwarded");
        assertThat(LogMasking.mask("to +77015551234.")).isEqualTo("to +7701***1234.");
    }

    @Test
    void idsThatContainLongDigitRunsStayReadable() {
        assertThat(LogMasking.mask("correlation 3EB00000000000000001 and outbox 1b2c-42"))
                .isEqualTo("correlation 3EB00000000000000001 and outbox 1b2c-42");
    }

    @Test
    void secretValuesAreHidden() {
        assertThat(LogMasking.mask("Authorization: abc123 x-goog-api-key=k-9 token=\"t0k\" password: p"))
                .isEqualTo("Authorization: *** x-goog-api-key=*** token=\"***\" password: ***");
    }
}
