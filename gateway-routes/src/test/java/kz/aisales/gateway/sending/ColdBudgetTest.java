package kz.aisales.gateway.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import kz.aisales.gateway.config.ColdSendingProperties;

import org.junit.jupiter.api.Test;

/** A new number's warm-up: its cold budgets grow day by day to their full value, never below one message. */
class ColdBudgetTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-12-10T12:00:00+05:00");

    @Test
    void theBudgetsGrowOverTheWarmUpDays() {
        ColdBudget budget = budget(LocalDate.of(2026, 12, 10), 14);
        StringBuilder curve = new StringBuilder("WARM-UP (60 a day, 14 days):");
        int previous = 0;
        for (int day = 0; day < 16; day++) {
            int daily = ColdBudget.budget(60, budget.warmUpShare(NOON.plusDays(day)));
            curve.append(' ').append(daily);
            assertThat(daily).isGreaterThanOrEqualTo(previous);
            previous = daily;
        }
        System.out.println(curve);
        assertThat(ColdBudget.budget(60, budget.warmUpShare(NOON))).isEqualTo(4);
        assertThat(ColdBudget.budget(12, budget.warmUpShare(NOON))).as("never below one").isEqualTo(1);
        assertThat(ColdBudget.budget(60, budget.warmUpShare(NOON.plusDays(6)))).isEqualTo(30);
        assertThat(budget.warmUpShare(NOON.plusDays(13))).isEqualTo(1.0);
        assertThat(budget.warmUpShare(NOON.plusDays(40))).isEqualTo(1.0);
    }

    @Test
    void aNumberThatIsNotNewHasItsFullBudgets() {
        assertThat(budget(null, 14).warmUpShare(NOON)).isEqualTo(1.0);
        assertThat(budget(LocalDate.of(2026, 12, 10), 0).warmUpShare(NOON)).isEqualTo(1.0);
    }

    private static ColdBudget budget(LocalDate since, int warmUpDays) {
        return new ColdBudget(null, new ColdSendingProperties(12, 60, warmUpDays, since, 24, 1000), ALMATY, Clock.systemUTC());
    }
}
