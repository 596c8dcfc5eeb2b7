package kz.aisales.agent.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.junit.jupiter.api.Test;

class CallPlannerTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    // Wednesday 8 October 2025, 12:00 in Almaty
    private static final Clock NOW = Clock.fixed(ZonedDateTime.of(2025, 10, 8, 12, 0, 0, 0, ALMATY).toInstant(), ALMATY);

    private final WorkingHoursProperties hours = new WorkingHoursProperties(10, 18, ALMATY, List.of());
    private final CallPlanner planner = new CallPlanner(new WorkingHours(hours), hours, NOW);

    @Test
    void anAgreedTimeInsideWorkingHoursIsBooked() {
        CallPlan plan = planner.plan(true, "2025-10-09T15:30");

        assertThat(plan.decision()).isEqualTo(CallPlan.Decision.BOOK);
        assertThat(plan.time()).isEqualTo(ZonedDateTime.of(2025, 10, 9, 15, 30, 0, 0, ALMATY));
    }

    @Test
    void anEveningTimeGetsTheNextMorningProposed() {
        CallPlan plan = planner.plan(true, "2025-10-09T20:00");

        assertThat(plan.decision()).isEqualTo(CallPlan.Decision.PROPOSE);
        assertThat(plan.time()).isEqualTo(ZonedDateTime.of(2025, 10, 10, 10, 0, 0, 0, ALMATY));
    }

    @Test
    void aSaturdayGetsMondayMorningProposed() {
        CallPlan plan = planner.plan(true, "2025-10-11T12:00");

        assertThat(plan.decision()).isEqualTo(CallPlan.Decision.PROPOSE);
        assertThat(plan.time()).isEqualTo(ZonedDateTime.of(2025, 10, 13, 10, 0, 0, 0, ALMATY));
    }

    @Test
    void anEarlyMorningGetsTheStartOfThatDayProposed() {
        assertThat(planner.plan(true, "2025-10-09T08:00").time()).isEqualTo(ZonedDateTime.of(2025, 10, 9, 10, 0, 0, 0, ALMATY));
    }

    @Test
    void theEndOfWorkingHoursIsAlreadyOutside() {
        assertThat(planner.plan(true, "2025-10-09T18:00").decision()).isEqualTo(CallPlan.Decision.PROPOSE);
    }

    @Test
    void aTimeInThePastGetsTheNextValidSlotFromNow() {
        CallPlan plan = planner.plan(true, "2025-10-01T11:00");

        assertThat(plan.decision()).isEqualTo(CallPlan.Decision.PROPOSE);
        assertThat(plan.time()).isEqualTo(ZonedDateTime.of(2025, 10, 8, 13, 0, 0, 0, ALMATY));
    }

    @Test
    void noAgreementOrNoReadableTimeMeansNoCall() {
        assertThat(planner.plan(false, "2025-10-09T15:30").decision()).isEqualTo(CallPlan.Decision.NONE);
        assertThat(planner.plan(true, null).decision()).isEqualTo(CallPlan.Decision.NONE);
        assertThat(planner.plan(true, "завтра после обеда").decision()).isEqualTo(CallPlan.Decision.NONE);
    }

    @Test
    void aSlotIsDescribedInRussian() {
        assertThat(CallPlanner.describe(ZonedDateTime.of(2025, 10, 13, 10, 0, 0, 0, ALMATY))).isEqualTo("13 октября (понедельник) в 10:00");
    }
}
