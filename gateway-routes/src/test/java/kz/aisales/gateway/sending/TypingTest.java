package kz.aisales.gateway.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;

import kz.aisales.gateway.config.TypingProperties;

import org.junit.jupiter.api.Test;

/** A typed message's time: within its bounds, jittered, the same at every look, counted from when typing began. */
class TypingTest {

    private static final TypingProperties PROPERTIES = new TypingProperties(50, 1500, 12000, 30, true);
    private final Typing typing = new Typing(PROPERTIES);

    @Test
    void aReplysTypingTimeGrowsWithItsLengthWithinTheBoundsAndIsJittered() {
        for (int length : new int[] {10, 60, 120, 240, 1000}) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                times.add(typing.millis(reply("x".repeat(length), UUID.randomUUID().toString())));
            }
            LongSummaryStatistics stats = times.stream().mapToLong(Long::longValue).summaryStatistics();
            System.out.printf("TYPING %4d characters: min %5d ms, mean %7.0f ms, max %5d ms, %d distinct of 200%n", length,
                    stats.getMin(), stats.getAverage(), stats.getMax(), times.stream().distinct().count());
            long base = Math.min(12000, Math.max(1500, length * 50L));
            assertThat(stats.getMin()).as("%d characters", length).isGreaterThanOrEqualTo(Math.max(1500, Math.round(base * 0.7)));
            assertThat(stats.getMax()).as("%d characters", length).isLessThanOrEqualTo(Math.min(12000, Math.round(base * 1.3)));
            assertThat(times.stream().distinct().count()).as("no fixed time").isGreaterThan(50);
        }
    }

    @Test
    void oneMessageGetsTheSameTimeAtEveryLook() {
        OutgoingMessage message = reply("Здравствуйте! Курс стоит 200 000 ₸, доступ сразу после оплаты.", "outbox-1");
        assertThat(typing.millis(message)).isEqualTo(typing.millis(message)).isEqualTo(new Typing(PROPERTIES).millis(message));
    }

    @Test
    void typingStartsWhenTheAgentWroteOrWhenThePreviousMessageLeftWhicheverIsLater() {
        Instant now = Instant.parse("2026-12-03T10:00:10Z");
        OutgoingMessage message = new OutgoingMessage("outbox-2", "77011234567", "x".repeat(100), "3EB0A", true, "reply",
                "2026-12-03T15:00:05+05:00", null);
        long millis = typing.millis(message);

        assertThat(typing.remainingMillis(message, null, now)).isEqualTo(Math.max(0, millis - 5000));
        assertThat(typing.remainingMillis(message, now.minusSeconds(1), now)).isEqualTo(millis - 1000);
        assertThat(typing.remainingMillis(message, null, now.plusSeconds(60))).isZero();
        OutgoingMessage undated = new OutgoingMessage("outbox-3", "77011234567", "x".repeat(100), "3EB0A", true, "reply", null, null);
        assertThat(typing.remainingMillis(undated, null, now)).as("no created_at: no fixed start, not typed").isZero();
        OffsetDateTime ahead = OffsetDateTime.parse("2026-12-03T15:00:10+05:00");
        OutgoingMessage skewed = new OutgoingMessage("outbox-4", "77011234567", "x".repeat(100), "3EB0A", true, "reply",
                ahead.plusSeconds(30).toString(), null);
        OutgoingMessage farAhead = new OutgoingMessage("outbox-5", "77011234567", "x".repeat(100), "3EB0A", true, "reply",
                ahead.plusHours(2).toString(), null);
        assertThat(typing.remainingMillis(skewed, null, now)).as("30 s ahead: a fixed start, a finite wait")
                .isEqualTo(30_000 + typing.millis(skewed));
        assertThat(typing.remainingMillis(farAhead, null, now)).as("2 h ahead: not typed").isZero();
    }

    @Test
    void noticesOperatorsMessagesAndAZeroRateAreNotTyped() {
        assertThat(typing.millis(new OutgoingMessage("n", "77011234567", "notice", null, false, "notice", null, null))).isZero();
        assertThat(typing.millis(new OutgoingMessage("o", "77011234567", "typed", null, false, "operator", null, null))).isZero();
        assertThat(typing.millis(new OutgoingMessage("f", "77011234567", "touch", null, false, "follow_up", null, null))).isPositive();
        assertThat(typing.millis(new OutgoingMessage(null, "77011234567", "original", "3EB0", true, null, null, null)))
                .as("the original system sends no kind").isPositive();
        assertThat(new Typing(new TypingProperties(0, 1500, 12000, 30, true)).millis(reply("text", "k"))).isZero();
    }

    @Test
    void theFirstRefusalSwitchesTypingPresenceOff() {
        Typing presence = new Typing(PROPERTIES);
        assertThat(presence.presence()).isTrue();
        presence.presenceFailed(new IllegalStateException("404"));
        assertThat(presence.presence()).isFalse();
        assertThat(new Typing(new TypingProperties(50, 1500, 12000, 30, false)).presence()).isFalse();
    }

    private static OutgoingMessage reply(String text, String outboxId) {
        return new OutgoingMessage(outboxId, "77011234567", text, "3EB0ANSWERED", true, "reply", "2026-12-03T15:00:00+05:00", null);
    }
}
