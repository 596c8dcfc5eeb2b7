package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kz.aisales.agent.calls.WorkingHours;
import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.config.WorkingHoursProperties;

import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final WorkingHoursProperties HOURS = new WorkingHoursProperties(10, 18, ALMATY,
            List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 7)));
    private static final FollowUpProperties FOLLOW_UPS =
            new FollowUpProperties(true, List.of(24, 72, 168, 336, 720), "0 0/5 10-17 ? * MON-FRI", 20, Duration.ofMinutes(15), 50, 0);

    private final FollowUpSchedule schedule = scheduleAt(local(2026, 12, 1, 12, 0));

    @Test
    void touchesDueTogetherOvernightAreSpreadOverTheFirstHoursOfTheWindowWithJitter() {
        FollowUpProperties jittered = new FollowUpProperties(true, List.of(24, 72, 168, 336, 720), "0 0/5 10-17 ? * MON-FRI", 20,
                Duration.ofMinutes(15), 50, 120);
        FollowUpSchedule spread = new FollowUpSchedule(jittered, new WorkingHours(HOURS), HOURS,
                Clock.fixed(local(2026, 12, 1, 12, 0).toInstant(), ALMATY));
        OffsetDateTime windowStart = local(2026, 12, 3, 10, 0).toOffsetDateTime();
        int[] perHalfHour = new int[4];
        Set<OffsetDateTime> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            OffsetDateTime due = spread.dueTime(1, local(2026, 12, 1, 19, 0).toOffsetDateTime());
            assertThat(due).isAfterOrEqualTo(windowStart).isBefore(windowStart.plusHours(2));
            perHalfHour[(int) (Duration.between(windowStart, due).toMinutes() / 30)]++;
            distinct.add(due);
        }
        System.out.printf("FOLLOW-UP JITTER: 200 touches due overnight, sent per half hour from 10:00: %s%n", Arrays.toString(perHalfHour));
        assertThat(distinct).as("not all at 10:00:00").hasSizeGreaterThan(150);
        assertThat(Arrays.stream(perHalfHour).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(20, 80));
    }

    @Test
    void aDueTimeInsideWorkingHoursStaysAsItIs() {
        assertThat(schedule.dueTime(1, local(2026, 12, 1, 15, 0).toOffsetDateTime())).isEqualTo(local(2026, 12, 2, 15, 0).toOffsetDateTime());
    }

    @Test
    void aDueTimeOnSaturdayNightMovesToMondayMorning() {
        assertThat(schedule.dueTime(1, local(2026, 12, 25, 22, 30).toOffsetDateTime())).isEqualTo(local(2026, 12, 28, 10, 0).toOffsetDateTime());
    }

    @Test
    void aDueTimeAfterHoursMovesToTheNextMorning() {
        assertThat(schedule.dueTime(1, local(2026, 12, 1, 19, 0).toOffsetDateTime())).isEqualTo(local(2026, 12, 3, 10, 0).toOffsetDateTime());
    }

    @Test
    void aDueTimeOnAHolidayMovesToTheNextWorkingMorning() {
        assertThat(schedule.dueTime(3, local(2026, 12, 31, 10, 0).toOffsetDateTime())).isEqualTo(local(2027, 1, 8, 10, 0).toOffsetDateTime());
    }

    @Test
    void consecutiveHolidaysAndAWeekendAreAllSkipped() {
        assertThat(schedule.dueTime(1, local(2026, 12, 31, 12, 0).toOffsetDateTime())).isEqualTo(local(2027, 1, 5, 10, 0).toOffsetDateTime());
    }

    @Test
    void eachTouchUsesItsOwnInterval() {
        OffsetDateTime monday = local(2026, 12, 7, 11, 0).toOffsetDateTime();
        assertThat(schedule.dueTime(2, monday)).isEqualTo(local(2026, 12, 10, 11, 0).toOffsetDateTime());
        assertThat(schedule.dueTime(3, monday)).isEqualTo(local(2026, 12, 14, 11, 0).toOffsetDateTime());
        assertThat(schedule.dueTime(4, monday)).isEqualTo(local(2026, 12, 21, 11, 0).toOffsetDateTime());
        assertThat(schedule.dueTime(5, monday)).isEqualTo(local(2027, 1, 6, 11, 0).toOffsetDateTime());
    }

    @Test
    void theTickWorksOnlyInsideWorkingHoursOnWorkingDays() {
        assertThat(scheduleAt(local(2026, 12, 28, 10, 0)).isWorkingTimeNow()).isTrue();
        assertThat(scheduleAt(local(2026, 12, 28, 9, 59)).isWorkingTimeNow()).isFalse();
        assertThat(scheduleAt(local(2026, 12, 28, 18, 0)).isWorkingTimeNow()).isFalse();
        assertThat(scheduleAt(local(2026, 12, 26, 12, 0)).isWorkingTimeNow()).isFalse();
        assertThat(scheduleAt(local(2027, 1, 7, 12, 0)).isWorkingTimeNow()).isFalse();
    }

    private static FollowUpSchedule scheduleAt(ZonedDateTime now) {
        return new FollowUpSchedule(FOLLOW_UPS, new WorkingHours(HOURS), HOURS, Clock.fixed(now.toInstant(), ALMATY));
    }

    private static ZonedDateTime local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY);
    }
}
