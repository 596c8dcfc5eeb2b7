package kz.aisales.agent.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import kz.aisales.agent.calls.WorkingHours;
import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.config.WorkingHoursProperties;

import org.springframework.stereotype.Component;

/**
 * When touches are due: touch N is {@code FOLLOW_UP_INTERVALS[N-1]} hours after the last bot message (the
 * reply the customer left unanswered, then the previous touch), moved forward into the next working window
 * (Monday to Friday, working hours, not a holiday) of {@code TIMEZONE}.
 */
@Component
public class FollowUpSchedule {

    private final List<Integer> intervals;
    private final WorkingHours workingHours;
    private final WorkingHoursProperties hours;
    private final Clock clock;

    public FollowUpSchedule(FollowUpProperties followUps, WorkingHours workingHours, WorkingHoursProperties hours, Clock clock) {
        this.intervals = List.copyOf(followUps.intervals());
        this.workingHours = workingHours;
        this.hours = hours;
        this.clock = clock;
    }

    public OffsetDateTime dueTime(int touch, OffsetDateTime lastBotMessageAt) {
        ZonedDateTime raw = lastBotMessageAt.atZoneSameInstant(hours.timezone()).plus(Duration.ofHours(intervals.get(touch - 1)));
        return workingHours.nearestFrom(raw).toOffsetDateTime();
    }

    /** The tick sends only inside working hours, whatever its cron says. */
    public boolean isWorkingTimeNow() {
        return workingHours.contains(ZonedDateTime.now(clock.withZone(hours.timezone())));
    }
}
