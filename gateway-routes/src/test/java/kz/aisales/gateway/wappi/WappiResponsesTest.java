package kz.aisales.gateway.wappi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WappiResponsesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void retryAfterInSecondsIsRead() {
        assertThat(WappiResponses.retryAfterSeconds("30", NOW)).isEqualTo(30);
        assertThat(WappiResponses.retryAfterSeconds(" 1.5 ", NOW)).isEqualTo(2);
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAsTheSecondsUntilThen() {
        assertThat(WappiResponses.retryAfterSeconds("Tue, 01 Dec 2026 10:00:45 GMT", NOW)).isEqualTo(45);
        assertThat(WappiResponses.retryAfterSeconds("Tue, 01 Dec 2026 09:00:00 GMT", NOW)).isZero();
    }

    @Test
    void anAbsentOrUnreadableRetryAfterIsMinusOne() {
        assertThat(WappiResponses.retryAfterSeconds(null, NOW)).isEqualTo(-1);
        assertThat(WappiResponses.retryAfterSeconds("soon", NOW)).isEqualTo(-1);
    }
}
