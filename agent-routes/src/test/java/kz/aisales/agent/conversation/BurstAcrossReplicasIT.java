package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A burst whose messages reach two agent replicas is one turn. The other replica is played by the test: it stores a
 * message of the burst as that replica's consumer does, and keeps it in its own (absent) aggregator. This replica's
 * window, restarted only by the messages it consumed, closes first; its turn leaves the burst to the replica holding
 * the newest message, which here is this one again, with the burst's last message.
 */
class BurstAcrossReplicasIT extends AgentFlowSupport {

    private static final String PHONE = "77050000001";

    @Autowired
    IncomingMessageReader reader;
    @Autowired
    ConversationStore store;

    @Test
    void aBurstSplitBetweenReplicasIsAnsweredOnceWithAllItsMessages() throws Exception {
        stubModerator(true);
        stubSales("Отлично! Для магазина подойдёт курс по сайтам. Какой у вас опыт?", "other");

        publishIncoming("split-1", PHONE, "Здравствуйте");
        awaitStored("split-1");
        // the scenario's pace, not a wait for something: with MESSAGE_GROUP_TIMEOUT 1 s, the other replica's message
        // comes 0.6 s into this replica's window
        Thread.sleep(600);
        store.storeIncoming(reader.read(write(incoming("split-2", PHONE, "хочу сайт", OffsetDateTime.now()))));

        assertThat(receiveOutgoing(1_500)).as("this replica's window closed while the other's was open: no turn yet").isNull();
        GEMINI.verify(0, salesRequests());

        publishIncoming("split-3", PHONE, "для своего магазина");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("reply_to_message_id", "split-3");
        awaitHandled("split-2");
        awaitNoTurnPending();
        assertThat(receiveOutgoing(500)).isNull();
        List<LoggedRequest> sales = GEMINI.findAll(salesRequests());
        assertThat(sales).as("one turn for the burst").hasSize(1);
        assertThat(promptText(sales.get(0))).contains("Здравствуйте", "хочу сайт", "для своего магазина");
    }

    private void awaitStored(String messageId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM messages WHERE message_id = ?", Integer.class, messageId) == 1);
    }
}
