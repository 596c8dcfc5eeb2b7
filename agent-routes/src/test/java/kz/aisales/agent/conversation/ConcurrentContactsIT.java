package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.ConversationProperties;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 100 new contacts write at once while Gemini takes 2 s per call (moderator, then sales agent): turns run
 * side by side, so all replies arrive in a fraction of the 400 s a one-at-a-time agent would need.
 */
class ConcurrentContactsIT extends AgentFlowSupport {

    private static final int CONTACTS = 100;

    @Autowired
    ConversationProperties conversation;

    @Test
    void aHundredNewContactsAreAnsweredSideBySideWhileGeminiTakesTwoSeconds() {
        GEMINI.stubFor(moderatorCall().willReturn(answer(Map.of("isClient", true, "confidence", 0.9, "reasoning", "Интерес к курсам."))
                .withFixedDelay(2000)));
        GEMINI.stubFor(salesCall().willReturn(answer(salesAnswer("Расскажите, что хотите создать?", "other", false, null))
                .withFixedDelay(2000)));

        long start = System.nanoTime();
        for (int i = 0; i < CONTACTS; i++) {
            publishIncoming("load-" + i, String.valueOf(77060000000L + i), "Здравствуйте, интересует курс");
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> amqp.getQueueInfo(queues.outgoing()).getMessageCount() >= CONTACTS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        Set<String> answered = new HashSet<>();
        for (Message reply = receiveOutgoing(1000); reply != null; reply = receiveOutgoing(200)) {
            answered.add((String) body(reply).get("phone_number"));
        }
        assertThat(answered).hasSize(CONTACTS);
        System.out.printf("MEASURE %d simultaneous new contacts, Gemini stub 2 s per call (moderator + sales), concurrency %d,"
                + " burst window %d ms: all replies on the outgoing queue after %.1f s%n",
                CONTACTS, conversation.concurrency(), conversation.messageGroupTimeout().toMillis(), elapsed.toMillis() / 1000.0);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(60));
    }
}
