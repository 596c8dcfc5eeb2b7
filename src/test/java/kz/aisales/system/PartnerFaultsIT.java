package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, scenarios 4 and 5: Wappi failing 30% of sends and Gemini answering 429s and 503 storms.
 * Every customer still gets exactly one reply, and with the default rate limit (20 per 60 s) no 60 s window at
 * Wappi ever holds more than 20 calls, retries included.
 */
class PartnerFaultsIT {

    static final String TOKEN = "faults-token";
    static final String KEY = "faults-key";
    static final int RATE = 20;
    static final Duration PERIOD = Duration.ofSeconds(60);
    static final int CUSTOMERS = 25;

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "WAPPI_PROFILE_ID", "faults",
                "SEND_RETRY_DELAY_MS", "300", "SEND_MAX_RETRIES", "8", "HTTP_RESPONSE_TIMEOUT_MS", "2000",
                "WAPPI_CHATS_PAGE_SIZE", "100", "GEMINI_RETRY_DELAY_MS", "200"));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void wappiFailingAThirdOfSendsStillDeliversEveryReplyOnceWithinTheRateLimit() throws Exception {
        long deadLetteredBefore = RunningSystem.deadLettered();
        wappi.failSends(0.3, 3_000);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String phone = String.valueOf(77030000000L + i);
            customers.add(phone);
            wappi.customerWrites(phone, "Клиент", "Здравствуйте, расскажите о курсе #" + i);
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> customers.stream().allMatch(phone -> !wappi.sentTo(phone).isEmpty()));
        wappi.failSends(0, 0);
        // a retry still on its way would show up within these 10 s as a duplicate
        int[] settled = {-1};
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(90))
                .until(() -> settled[0] == (settled[0] = wappi.sendCalls().size()));

        List<Instant> calls = wappi.sendCalls().stream().sorted().toList();
        List<Instant> deliveries = customers.stream().flatMap(phone -> wappi.sentTo(phone).stream())
                .map(FakeWappi.Sent::at).sorted().toList();
        long lost = customers.stream().filter(phone -> wappi.sentTo(phone).isEmpty()).count();
        long duplicates = customers.stream().filter(phone -> wappi.sentTo(phone).size() > 1).count();
        long deadLettered = RunningSystem.deadLettered() - deadLetteredBefore;
        System.out.printf("Wappi 30%% failures: customers %d, messages %d, calls at Wappi %d (failed %s), replies %d,"
                + " duplicates %d, lost %d, dead-lettered %d; most calls in any %d s window %d, most replies %d"
                + " (limit %d)%n", customers.size(), customers.size(), calls.size(), wappi.sendFailures(),
                deliveries.size(), duplicates, lost, deadLettered, PERIOD.toSeconds(), busiestWindow(calls, PERIOD),
                busiestWindow(deliveries, PERIOD), RATE);
        assertThat(duplicates).isZero();
        assertThat(lost).isZero();
        assertThat(deadLettered).isZero();
        assertThat(deliveries).hasSize(customers.size());
        assertThat(wappi.sendFailures()).containsKeys("500", "429", "timeout", "timeout after delivery");
        assertThat(busiestWindow(calls, PERIOD)).isLessThanOrEqualTo(RATE);
        assertThat(calls.size()).isGreaterThan(RATE);
    }

    @Test
    void gemini429IsRetriedAfterTheDelayItAsksForAndA503StormStillEndsInOneReply() throws Exception {
        long deadLetteredBefore = RunningSystem.deadLettered();
        int before = gemini.calls();
        gemini.failNext(1, 429, 3);
        wappi.customerWrites("77031110001", "Асель", "Сколько стоит курс?");
        // the rate window may still be full from the other test: up to 61 s before a call may leave
        await().atMost(Duration.ofSeconds(150)).until(() -> !wappi.sentTo("77031110001").isEmpty());
        List<Instant> calls = gemini.callTimes().subList(before, gemini.callTimes().size());
        Duration waited = Duration.between(calls.get(0), calls.get(1));

        gemini.failNext(12, 503, 0);
        wappi.customerWrites("77031110002", "Данияр", "Хочу научиться делать сайты");
        await().atMost(Duration.ofSeconds(150)).until(() -> !wappi.sentTo("77031110002").isEmpty());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> wappi.sentTo("77031110002").size() == 1);

        long deadLettered = RunningSystem.deadLettered() - deadLetteredBefore;
        System.out.printf("Gemini faults: messages 2, replies %d, duplicates 0, lost 0, dead-lettered %d (the storm's turn,"
                + " parked for a replay); 429 retryDelay 3 s honoured after %d ms; 503 storm of 12 -> reply: %s%n",
                wappi.sentTo("77031110001").size() + wappi.sentTo("77031110002").size(), deadLettered,
                waited.toMillis(), wappi.sentTo("77031110002").get(0).body());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
        assertThat(wappi.sentTo("77031110001")).hasSize(1);
        assertThat(deadLettered).isEqualTo(1);
    }

    static int busiestWindow(List<Instant> sends, Duration window) {
        int busiest = 0;
        for (int i = 0, j = 0; i < sends.size(); i++) {
            while (j < sends.size() && Duration.between(sends.get(i), sends.get(j)).compareTo(window) < 0) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        return busiest;
    }
}
