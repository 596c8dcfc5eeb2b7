package kz.aisales.agent.calls;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.springframework.stereotype.Component;

/**
 * Checks the call time the sales agent agreed with the customer (local time of the business): inside
 * working hours and in the future it is booked; otherwise the nearest valid slot is proposed instead.
 */
@Component
public class CallPlanner {

    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("d MMMM (EEEE) 'в' HH:mm", Locale.forLanguageTag("ru"));

    private final WorkingHours workingHours;
    private final WorkingHoursProperties hours;
    private final Clock clock;

    public CallPlanner(WorkingHours workingHours, WorkingHoursProperties hours, Clock clock) {
        this.workingHours = workingHours;
        this.hours = hours;
        this.clock = clock;
    }

    public CallPlan plan(boolean agreed, String localTime) {
        if (!agreed || localTime == null || localTime.isBlank()) {
            return CallPlan.none();
        }
        ZonedDateTime requested;
        try {
            requested = LocalDateTime.parse(localTime.strip()).atZone(hours.timezone());
        } catch (DateTimeParseException e) {
            return CallPlan.none();
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(hours.timezone()));
        if (requested.isAfter(now) && workingHours.contains(requested)) {
            return new CallPlan(CallPlan.Decision.BOOK, requested);
        }
        ZonedDateTime from = requested.isAfter(now) ? requested : now.plusHours(1).withMinute(0).withSecond(0).withNano(0);
        return new CallPlan(CallPlan.Decision.PROPOSE, workingHours.nearestFrom(from));
    }

    public static String describe(ZonedDateTime slot) {
        return SLOT.format(slot);
    }
}
