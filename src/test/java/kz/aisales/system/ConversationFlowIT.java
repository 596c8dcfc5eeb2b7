package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey through both real services: a customer writes at (fake) Wappi, the gateway polls
 * it, the agent asks (fake) Gemini, the gateway sends the reply back through Wappi, once.
 */
class ConversationFlowIT {

    static final String TOKEN = "wappi-secret-token-for-tests";
    static final String API_KEY = "gemini-secret-key-for-tests";

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        // the original system's format: seconds as a decimal number
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "MESSAGE_GROUP_TIMEOUT", "1.0"));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void aCustomerMessageGetsExactlyOneReplyThroughWappi() {
        wappi.customerWrites("77011110001", "Айгерим", "Здравствуйте, расскажите про курс Vibe Coding");

        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo("77011110001").isEmpty());
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> wappi.sentTo("77011110001").size() == 1);
        assertThat(wappi.sentTo("77011110001").get(0).body()).isEqualTo(FakeGemini.REPLY);
    }

    @Test
    void aVoiceNoteIsTranscribedAndAnswered() {
        wappi.customerSendsVoice("77011110002", "Ерлан");

        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo("77011110002").isEmpty());
        assertThat(gemini.requests()).anySatisfy(request ->
                assertThat(request.toString()).contains("audio/ogg"));
        assertThat(gemini.requests()).anySatisfy(request ->
                assertThat(request.toString()).contains(FakeGemini.TRANSCRIPT));
    }

    @Test
    void noTokenOrKeyReachesEitherServicesLog() throws Exception {
        wappi.customerWrites("77011110004", "Dana", "Hello, how much is the course?");
        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo("77011110004").isEmpty());

        for (String service : new String[] {"gateway", "agent"}) {
            String log = Files.readString(RunningSystem.log(service));
            assertThat(log).as(service).isNotEmpty().doesNotContain(TOKEN).doesNotContain(API_KEY);
        }
    }

    @Test
    void theOwnersWhitelistedNumberIsNeverAnswered() {
        wappi.customerWrites("77752837306", "Owner", "Привет, это я");
        wappi.customerWrites("77011110003", "Control", "Здравствуйте");

        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo("77011110003").isEmpty());
        assertThat(wappi.sentTo("77752837306")).isEmpty();
    }
}
