package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicInteger;

import kz.aisales.agent.AgentFlowSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A transient database failure inside a {@code direct:} step is retried by the consumer's policy, and the customer is
 * answered: the step propagates the failure instead of exhausting it on its own. The faults are injected with
 * AdviceWith into the shared context, armed only while a test here runs.
 */
class TransientFailureIT extends AgentFlowSupport {

    private static final AtomicInteger STORE_FAILURES = new AtomicInteger();
    private static final AtomicInteger TURN_FAILURES = new AtomicInteger();
    private static final AtomicInteger PUBLISH_FAILURES = new AtomicInteger();
    private static final AtomicInteger DEAD_LETTER_FAILURES = new AtomicInteger();
    /** The (shared, cached) context the faults were woven into, so they are woven once. */
    private static CamelContext advised;

    @BeforeEach
    void injectFaults() throws Exception {
        if (advised != camel) {
            AdviceWith.adviceWith(camel, "customer-message", route -> route.weaveAddFirst()
                    .process(exchange -> fail(STORE_FAILURES, "store")).id("inject-store-failure"));
            AdviceWith.adviceWith(camel, "conversation-respond", route -> route.weaveAddFirst()
                    .process(exchange -> fail(TURN_FAILURES, "load turn")).id("inject-turn-failure"));
            AdviceWith.adviceWith(camel, "reply-publish", route -> route.weaveById("outgoing-publish").before()
                    .process(exchange -> failPublishing()).id("inject-publish-failure"));
            AdviceWith.adviceWith(camel, "dead-letter", route -> route.weaveById("dead-letter-publish").before()
                    .process(exchange -> fail(DEAD_LETTER_FAILURES, "dead-letter publish")).id("inject-dead-letter-failure"));
            advised = camel;
        }
    }

    @AfterEach
    void disarm() {
        STORE_FAILURES.set(0);
        TURN_FAILURES.set(0);
        PUBLISH_FAILURES.set(0);
        DEAD_LETTER_FAILURES.set(0);
    }

    @Test
    void aDatabaseOutageOutlastingTheRetriesForPoisonIsWaitedOutAndTheCustomerAnswered() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        // four bounded retries (AGENT_MAX_RETRIES) would have parked it; an outage is retried until it ends
        STORE_FAILURES.set(12);

        publishIncoming("outage-store-1", "77010000065", "Хочу научиться делать сайты");

        assertThat(receiveOutgoing(30_000)).isNotNull();
        assertThat(STORE_FAILURES.get()).isZero();
        assertThat(receiveDeadLetter(500)).isNull();
    }

    @Test
    void aMessageWhosePublishToTheDeadLetterQueueFailedIsNotAcknowledgedAndParkedOnTheNextTry() {
        DEAD_LETTER_FAILURES.set(1);

        publishRaw("{not json", "poison-1");

        Message parked = receiveDeadLetter(15_000);
        assertThat(parked).isNotNull();
        assertThat(new String(parked.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(DEAD_LETTER_FAILURES.get()).isZero();
    }

    @Test
    void aTransientFailureStoringTheMessageIsRetriedAndTheCustomerAnswered() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        STORE_FAILURES.set(2);

        publishIncoming("transient-store-1", "77010000061", "Хочу научиться делать сайты");

        Message reply = receiveOutgoing(30_000);
        assertThat(reply).isNotNull();
        assertThat(STORE_FAILURES.get()).isZero();
        assertThat(receiveDeadLetter(500)).isNull();
    }

    @Test
    void aTransientFailureInsideTheTurnIsRetriedAndTheCustomerAnswered() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        TURN_FAILURES.set(2);

        publishIncoming("transient-turn-1", "77010000062", "Хочу научиться делать сайты");

        Message reply = receiveOutgoing(30_000);
        assertThat(reply).isNotNull();
        assertThat(TURN_FAILURES.get()).isZero();
        assertThat(receiveDeadLetter(500)).isNull();
    }

    @Test
    void aReplyWhosePublicationFailedIsPublishedAsStoredAndNotWrittenAgain() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        PUBLISH_FAILURES.set(1);

        publishIncoming("transient-publish-1", "77010000063", "Хочу научиться делать сайты");

        Message reply = receiveOutgoing(30_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Здравствуйте! Что хотите создать?");
        assertThat(PUBLISH_FAILURES.get()).isZero();
        // the replayed turn found the reply stored and published it: the model was not asked for another one
        assertThat(GEMINI.findAll(salesRequests())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT published_at IS NOT NULL FROM messages WHERE message_id = ?",
                Boolean.class, ReplyFactory.outboxId("transient-publish-1", "reply"))).isTrue();
        assertThat(receiveOutgoing(1_000)).isNull();
        assertThat(receiveDeadLetter(500)).isNull();
    }

    @Test
    void aStoredReplyNeverPublishedGoesOutAsStoredBeforeTheNextAnswer() {
        stubModerator(true);
        stubSales("Конечно, расскажу подробнее.", "other");
        publishIncoming("stored-1", "77010000064", "Здравствуйте");
        Message first = receiveOutgoing(15_000);
        assertThat(first).isNotNull();
        awaitHandled("stored-1");
        String outboxId = ReplyFactory.outboxId("stored-1", "reply");
        await().until(() -> jdbc.queryForObject("SELECT outgoing IS NULL AND published_at IS NOT NULL FROM messages"
                + " WHERE message_id = ?", Boolean.class, outboxId));
        // as a crash between storing and publishing leaves it
        jdbc.update("UPDATE messages SET published_at = NULL, outgoing = ? WHERE message_id = ?",
                new String(first.getBody(), java.nio.charset.StandardCharsets.UTF_8), outboxId);

        publishIncoming("stored-2", "77010000064", "А сколько стоит?");

        assertThat(body(receiveOutgoing(15_000))).containsEntry("message_text", "Конечно, расскажу подробнее.")
                .containsEntry("outbox_id", ReplyFactory.outboxId("stored-1", "reply"));
        assertThat(body(receiveOutgoing(15_000))).containsEntry("outbox_id", ReplyFactory.outboxId("stored-2", "reply"));
    }

    private static void failPublishing() {
        if (PUBLISH_FAILURES.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new org.springframework.amqp.AmqpConnectException(new java.net.ConnectException("injected: broker gone"));
        }
    }

    private static void fail(AtomicInteger failures, String step) {
        if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new TransientDataAccessResourceException("injected: the database connection dropped during " + step);
        }
    }
}
