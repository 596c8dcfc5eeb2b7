package kz.aisales.agent.followup;

import java.util.Date;
import java.util.TimeZone;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.quartz.impl.calendar.HolidayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz calendar of the follow-up tick: the days in {@code HOLIDAYS}, whole local days of {@code TIMEZONE}.
 * camel-quartz registers it on its scheduler (option {@code customCalendar}) and the trigger skips them.
 */
@Configuration(proxyBeanMethods = false)
public class FollowUpConfiguration {

    @Bean
    HolidayCalendar followUpHolidays(WorkingHoursProperties hours) {
        HolidayCalendar calendar = new HolidayCalendar();
        calendar.setTimeZone(TimeZone.getTimeZone(hours.timezone()));
        calendar.setDescription("public holidays (HOLIDAYS)");
        hours.holidays().forEach(day -> calendar.addExcludedDate(Date.from(day.atStartOfDay(hours.timezone()).toInstant())));
        return calendar;
    }
}
