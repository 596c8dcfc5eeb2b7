package kz.aisales.agent.calls;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.springframework.stereotype.Component;

/**
 * Monday to Friday, {@code WORKING_HOURS_START}:00 to {@code WORKING_HOURS_END}:00 in {@code TIMEZONE}, except
 * the public holidays in {@code HOLIDAYS}.
 */
@Component
public class WorkingHours {

    private final WorkingHoursProperties hours;
    private final Set<LocalDate> holidays;

    public WorkingHours(WorkingHoursProperties hours) {
        this.hours = hours;
        this.holidays = Set.copyOf(hours.holidays());
    }

    public boolean contains(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(hours.timezone());
        LocalTime clock = local.toLocalTime();
        return workday(local.toLocalDate()) && !clock.isBefore(LocalTime.of(hours.start(), 0))
                && clock.isBefore(hours.end() == 24 ? LocalTime.MAX : LocalTime.of(hours.end(), 0));
    }

    /** The time itself if it is inside working hours, otherwise the start of the next working window. */
    public ZonedDateTime nearestFrom(ZonedDateTime time) {
        ZonedDateTime local = time.withZoneSameInstant(hours.timezone());
        if (contains(local)) {
            return local;
        }
        ZonedDateTime candidate = local.truncatedTo(ChronoUnit.DAYS).withHour(hours.start());
        if (!local.isBefore(candidate)) {
            candidate = candidate.plusDays(1);
        }
        while (!workday(candidate.toLocalDate())) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    private boolean workday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
