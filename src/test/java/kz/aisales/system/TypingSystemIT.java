package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sending like a person, through both services: the customer's message is marked read and "typing..." shown, a reply
 * of three paragraphs arrives as three bubbles in order, each after its typing time, and each once although Wappi
 * fails a share of the send calls on the way (errors, hangs, timeouts after delivery).
 */
class TypingSystemIT {

    static final String TOKEN = "wappi-typing-token-for-tests";
    static final String API_KEY = "gemini-typing-key-for-tests";
    static final String REPLY = "Здравствуйте, Айгерим!\n\nКурс «AI для бизнеса» стоит 200 000 ₸, доступ сразу после оплаты через Kaspi."
            + "\n\nКогда вам удобно созвониться с менеджером?";

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        gemini.salesReply(REPLY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "SEND_RETRY_DELAY_MS", "200",
                "SEND_MIN_GAP_SECONDS", "1", "TYPING_MS_PER_CHAR", "30", "TYPING_MIN_MS", "1000", "TYPING_MAX_MS", "4000",
                "TYPING_JITTER_PERCENT", "30"));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void aThreeParagraphReplyArrivesAsThreeTypedBubblesInOrderEachOnceUnderFailingSends() {
        wappi.failSends(0.5, 1500);
        String phone = "77014440001";
        wappi.customerWrites(phone, "Айгерим", "Здравствуйте! Сколько стоит курс?");

        await().atMost(Duration.ofSeconds(90)).until(() -> wappi.sentTo(phone).size() >= 3);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> wappi.sentTo(phone).size() == 3);
        List<FakeWappi.Sent> bubbles = wappi.sentTo(phone);

        assertThat(bubbles).extracting(FakeWappi.Sent::body).containsExactly(REPLY.split("\n\n"));
        assertThat(wappi.sendFailures()).as("Wappi failed sends on the way").isNotEmpty();
        Instant read = wappi.markReadCalls().get(0);
        assertThat(read).as("read before the first bubble").isBefore(bubbles.get(0).at());
        assertThat(wappi.typingCalls()).as("typing shown for each bubble").hasSize(3);
        assertThat(wappi.typingCalls().get(0)).as("typing shown before the first bubble").isBefore(bubbles.get(0).at());
        for (int i = 1; i < 3; i++) {
            long apart = Duration.between(bubbles.get(i - 1).at(), bubbles.get(i).at()).toMillis();
            System.out.printf("TYPING SYSTEM: bubble %d of %d characters left %d ms after bubble %d%n", i + 1,
                    bubbles.get(i).body().length(), apart, i);
            assertThat(apart).as("bubble %d waited its typing time", i + 1).isGreaterThanOrEqualTo(700);
        }
        System.out.printf("TYPING SYSTEM: first bubble %d ms after the customer's message was read; send failures %s%n",
                Duration.between(read, bubbles.get(0).at()).toMillis(), wappi.sendFailures());
    }
}
