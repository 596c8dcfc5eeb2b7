package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenario 1: 200 customers write while first the agent, then the gateway is killed with
 * SIGKILL mid-flight and restarted. Every customer gets exactly one reply: none lost, none twice.
 */
class CrashRecoveryIT {

    static final String TOKEN = "crash-token";
    static final String KEY = "crash-key";
    static final int CUSTOMERS = 200;

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "WAPPI_PROFILE_ID", "crash",
                "SEND_RATE_LIMIT", "1000", "SEND_RATE_PERIOD_SECONDS", "1", "WAPPI_CHATS_PAGE_SIZE", "100"));
        gemini.latency(Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void killingEitherServiceMidFlightLosesNothingAndAnswersNobodyTwice() throws Exception {
        List<String> customers = wappi.customersAsk(77020000000L, CUSTOMERS);

        await().atMost(Duration.ofMinutes(2)).until(() -> wappi.sent().size() >= 20);
        Duration agentBack = system.crashAndRestart("agent");
        await().atMost(Duration.ofMinutes(3)).until(() -> wappi.sent().size() >= 100);
        Duration gatewayBack = system.crashAndRestart("gateway");

        wappi.awaitEveryoneAnsweredAndQuiet(customers, Duration.ofMinutes(5));
        long[] lostAndDuplicated = wappi.lostAndDuplicated(customers);
        long lost = lostAndDuplicated[0];
        long duplicates = lostAndDuplicated[1];
        long deadLettered = RunningSystem.deadLettered();
        System.out.printf("crash recovery: customers %d, messages %d, replies %d, lost %d, duplicates %d, dead-lettered %d"
                + " (agent back in %.1f s, gateway back in %.1f s)%n", CUSTOMERS, CUSTOMERS, wappi.sent().size(), lost,
                duplicates, deadLettered, agentBack.toMillis() / 1000.0, gatewayBack.toMillis() / 1000.0);
        assertThat(lost).isZero();
        assertThat(duplicates).isZero();
        assertThat(deadLettered).isZero();
        assertThat(wappi.sent()).hasSize(CUSTOMERS);
    }
}
