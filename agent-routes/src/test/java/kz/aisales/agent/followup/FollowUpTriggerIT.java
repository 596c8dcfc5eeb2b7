package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.WorkingHoursProperties;

import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.Test;
import org.quartz.Calendar;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.TriggerUtils;
import org.quartz.impl.calendar.HolidayCalendar;
import org.quartz.spi.OperableTrigger;
import org.springframework.beans.factory.annotation.Autowired;

/** The trigger camel-quartz registered for {@code follow-up-tick}, and the fire times Quartz itself computes from it. */
class FollowUpTriggerIT extends AgentFlowSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZonedDateTime FRIDAY_EVENING = ZonedDateTime.of(2026, 11, 27, 17, 55, 0, 0, ALMATY);

    @Autowired
    WorkingHoursProperties hours;

    @Test
    void theTickIsAQuartzCronInTheBusinessTimeZoneWithTheHolidayCalendar() throws SchedulerException {
        CronTrigger trigger = tickTrigger();

        assertThat(camel.getRouteController().getRouteStatus("follow-up-tick").isStarted()).isTrue();
        assertThat(trigger.getCronExpression()).isEqualTo("0 0/5 10-17 ? * MON-FRI");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Almaty");
        assertThat(scheduler().getCalendar(trigger.getCalendarName())).isInstanceOf(HolidayCalendar.class);
    }

    @Test
    void overASimulatedYearQuartzFiresOnlyInWorkingHoursOnWorkingDays() throws SchedulerException {
        ZonedDateTime end = FRIDAY_EVENING.plusYears(1);

        List<ZonedDateTime> fires = fireTimes(FRIDAY_EVENING, end);

        assertThat(fires).allSatisfy(fire -> {
            assertThat(fire.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(hours.holidays()).doesNotContain(fire.toLocalDate());
            assertThat(fire.toLocalTime()).isBetween(LocalTime.of(hours.start(), 0), LocalTime.of(hours.end(), 0).minusNanos(1));
        });
        long workingDays = FRIDAY_EVENING.toLocalDate().plusDays(1).datesUntil(end.toLocalDate())
                .filter(day -> day.getDayOfWeek().getValue() <= 5 && !hours.holidays().contains(day)).count();
        assertThat(fires).hasSize((int) workingDays * 96);
        assertThat(fires).noneMatch(fire -> fire.toLocalDate().equals(LocalDate.of(2027, 3, 22)));
        assertThat(fires).anyMatch(fire -> fire.toLocalDate().equals(LocalDate.of(2027, 3, 25)));
        printNextTen(FRIDAY_EVENING);
        printNextTen(ZonedDateTime.of(2027, 3, 19, 17, 55, 0, 0, ALMATY));
    }

    private void printNextTen(ZonedDateTime from) throws SchedulerException {
        List<ZonedDateTime> next = fireTimes(from, from.plusMonths(1)).subList(0, 10);
        System.out.printf("QUARTZ next 10 fire times after %s: %s%n", from, next);
    }

    /** Quartz's own computation: a copy of the registered trigger starting at {@code from}, with the registered calendar; fires after {@code from}. */
    private List<ZonedDateTime> fireTimes(ZonedDateTime from, ZonedDateTime to) throws SchedulerException {
        CronTrigger registered = tickTrigger();
        OperableTrigger trigger = (OperableTrigger) registered.getTriggerBuilder().startAt(Date.from(from.toInstant())).build();
        Calendar calendar = scheduler().getCalendar(registered.getCalendarName());
        return TriggerUtils.computeFireTimesBetween(trigger, calendar, Date.from(from.toInstant()), Date.from(to.toInstant())).stream()
                .map(date -> date.toInstant().atZone(ALMATY)).filter(fire -> fire.isAfter(from)).toList();
    }

    private CronTrigger tickTrigger() throws SchedulerException {
        return (CronTrigger) scheduler().getTrigger(TriggerKey.triggerKey("tick", "follow-ups"));
    }

    private Scheduler scheduler() {
        return camel.getComponent("quartz", QuartzComponent.class).getScheduler();
    }
}
