package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every replica's Quartz trigger fires the tick; one of them runs it per scheduled time. */
class FollowUpTicksIT extends AgentFlowSupport {

    @Autowired
    FollowUpTicks ticks;

    @Test
    void ofFourReplicasFiringTheSameScheduledTickOneRunsItAndTheNextTimeIsAnotherTick() {
        Date scheduled = Date.from(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(3600 * 24 * 365L));

        List<Boolean> ran = IntStream.range(0, 4).mapToObj(replica -> CompletableFuture.supplyAsync(
                () -> ticks.firstForItsTime(scheduled))).toList().stream().map(CompletableFuture::join).toList();

        assertThat(ran).containsOnlyOnce(true).hasSize(4);
        assertThat(ticks.firstForItsTime(Date.from(scheduled.toInstant().plusSeconds(300)))).as("the next tick").isTrue();
        assertThat(ticks.firstForItsTime(null)).as("a tick run by hand").isTrue();
        assertThat(camel.getProcessor("once-per-cluster")).as("the Quartz route asks before it ticks").isNotNull();
    }

    @Test
    void recordsOlderThanADayArePrunedAsNewTicksCome() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ticks.firstForItsTime(Date.from(now.minus(3, ChronoUnit.DAYS)));

        ticks.firstForItsTime(Date.from(now.plusSeconds(60)));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_up_ticks WHERE scheduled_at < now() - interval '2 days'",
                Integer.class)).isZero();
    }
}
