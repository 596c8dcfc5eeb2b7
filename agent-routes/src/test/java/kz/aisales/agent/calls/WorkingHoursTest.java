package kz.aisales.agent.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private final WorkingHours hours = new WorkingHours(new WorkingHoursProperties(10, 18, ALMATY,
            List.of(LocalDate.of(2027, 3, 22), LocalDate.of(2027, 3, 23), LocalDate.of(2027, 3, 24))));

    @Test
    void aHolidayIsNotWorkingTime() {
        assertThat(hours.contains(ZonedDateTime.of(2027, 3, 22, 12, 0, 0, 0, ALMATY))).isFalse();
        assertThat(hours.contains(ZonedDateTime.of(2027, 3, 25, 12, 0, 0, 0, ALMATY))).isTrue();
    }

    @Test
    void theNextWindowAfterAWeekendFollowedByHolidaysIsTheFirstWorkingMorning() {
        assertThat(hours.nearestFrom(ZonedDateTime.of(2027, 3, 19, 18, 0, 0, 0, ALMATY)))
                .isEqualTo(ZonedDateTime.of(2027, 3, 25, 10, 0, 0, 0, ALMATY));
    }
}
