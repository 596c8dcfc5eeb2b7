package kz.aisales.agent.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import kz.aisales.agent.calls.WorkingHours;
import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.config.WorkingHoursProperties;

import org.springframework.stereotype.Component;

/**
 * When touches are due: touch N is {@code FOLLOW_UP_INTERVALS[N-1]} hours after the last bot message (the
 * reply the customer left unanswered, then the previous touch), moved forward into the next working window
 * (Monday to Friday, working hours, not a holiday) of {@code TIMEZONE}, then later by a random part of
 * {@code FOLLOW_UP_JITTER_MINUTES} that stays inside that window: touches that fall due together (everything due
 * overnight lands on 10:00) go out spread, and at no fixed minute.
 */
@Component
public class FollowUpSchedule {

    private final List<Integer> intervals;
    private final int jitterMinutes;
    private final WorkingHours workingHours;
    private final WorkingHoursProperties hours;
    private final Clock clock;

    public FollowUpSchedule(FollowUpProperties followUps, WorkingHours workingHours, WorkingHoursProperties hours, Clock clock) {
        this.intervals = List.copyOf(followUps.intervals());
        this.jitterMinutes = followUps.jitterMinutes();
        this.workingHours = workingHours;
        this.hours = hours;
        this.clock = clock;
    }

    public OffsetDateTime dueTime(int touch, OffsetDateTime lastBotMessageAt) {
        ZonedDateTime raw = lastBotMessageAt.atZoneSameInstant(hours.timezone()).plus(Duration.ofHours(intervals.get(touch - 1)));
        ZonedDateTime due = workingHours.nearestFrom(raw);
        long jitterSeconds = jitterMinutes == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMinutes * 60L);
        ZonedDateTime jittered = due.plusSeconds(jitterSeconds);
        return (workingHours.contains(jittered) ? jittered : due).toOffsetDateTime();
    }

    /** The tick sends only inside working hours, whatever its cron says. */
    public boolean isWorkingTimeNow() {
        return workingHours.contains(ZonedDateTime.now(clock.withZone(hours.timezone())));
    }
}
