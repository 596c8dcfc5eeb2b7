package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst whose messages reach two agent replicas is one turn. The other replica is played by the test: it stores a
 * message of the burst as that replica's consumer does, and its aggregator adds it to the burst this replica started in
 * the shared repository, so only this replica's window, restarted only by the messages it consumed, completes it. That
 * window closes while the other replica's message is younger than the window: the turn waits for it, then answers both.
 */
class BurstAcrossReplicasIT extends AgentFlowSupport {

    private static final String PHONE = "77050000001";

    @Autowired
    IncomingMessageReader reader;
    @Autowired
    ConversationStore store;

    @Test
    void aBurstSplitBetweenReplicasIsAnsweredOnceWithAllItsMessagesAfterTheLastOnesWindow() throws Exception {
        stubModerator(true);
        stubSales("Отлично! Для магазина подойдёт курс по сайтам. Какой у вас опыт?", "other");

        publishIncoming("split-1", PHONE, "Здравствуйте");
        awaitStored("split-1");
        // the scenario's pace, not a wait for something: with MESSAGE_GROUP_TIMEOUT 1 s, the other replica's message
        // comes 0.6 s into this replica's window
        Thread.sleep(600);
        store.storeIncoming(reader.read(write(incoming("split-2", PHONE, "хочу сайт", OffsetDateTime.now()))));
        Instant otherStored = Instant.now();

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).as("the burst is answered, not left to a window that will not close").isNotNull();
        assertThat(Duration.between(otherStored, Instant.now()))
                .as("answered after the other replica's message's window, not at this replica's")
                .isGreaterThanOrEqualTo(Duration.ofMillis(800));
        awaitHandled("split-2");
        awaitNoTurnPending();
        assertThat(receiveOutgoing(500)).isNull();
        List<LoggedRequest> sales = GEMINI.findAll(salesRequests());
        assertThat(sales).as("one turn for the burst").hasSize(1);
        assertThat(promptText(sales.get(0))).contains("Здравствуйте", "хочу сайт");
    }

    private void awaitStored(String messageId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE message_id = ?", Integer.class, messageId) == 1);
    }
}
