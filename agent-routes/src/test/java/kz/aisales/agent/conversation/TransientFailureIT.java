package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import kz.aisales.agent.AgentFlowSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.Message;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

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
    private static final AtomicInteger ANSWER_FAILURES = new AtomicInteger();
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    /** The (shared, cached) context the faults were woven into, so they are woven once. */
    private static CamelContext advised;

    @BeforeEach
    void injectFaults() throws Exception {
        if (advised != camel) {
            AdviceWith.adviceWith(camel, "customer-message", route -> route.weaveAddFirst()
                    .process(exchange -> fail(STORE_FAILURES, databaseDropped("store"))).id("inject-store-failure"));
            AdviceWith.adviceWith(camel, "conversation-respond", route -> route.weaveAddFirst()
                    .process(exchange -> fail(TURN_FAILURES, databaseDropped("load turn"))).id("inject-turn-failure"));
            AdviceWith.adviceWith(camel, "reply-publish", route -> route.weaveById("outgoing-publish").before()
                    .process(exchange -> fail(PUBLISH_FAILURES,
                            new AmqpConnectException(new ConnectException("injected: broker gone")))).id("inject-publish-failure"));
            AdviceWith.adviceWith(camel, "dead-letter", route -> route.weaveById("dead-letter-publish").before()
                    .process(exchange -> fail(DEAD_LETTER_FAILURES, databaseDropped("dead-letter publish")))
                    .id("inject-dead-letter-failure"));
            // as PostgreSQL's driver reports a refused connection: an SQLException over a ConnectException (an IOException)
            AdviceWith.adviceWith(camel, "conversation-answer", route -> route.weaveAddFirst()
                    .process(exchange -> fail(ANSWER_FAILURES, new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                            new SQLException("Connection refused", "08001", new ConnectException("Connection refused")))))
                    .id("inject-answer-failure"));
            advised = camel;
        }
    }

    @AfterEach
    void disarm() {
        STORE_FAILURES.set(0);
        TURN_FAILURES.set(0);
        PUBLISH_FAILURES.set(0);
        DEAD_LETTER_FAILURES.set(0);
        ANSWER_FAILURES.set(0);
    }

    @Test
    void aDatabaseOutageWhileAnsweringIsNotTakenForGeminiFailingAndNoFallbackIsSent() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        ANSWER_FAILURES.set(3);

        publishIncoming("outage-answer-1", "77010000059", "Хочу научиться делать сайты");

        Message reply = receiveOutgoing(30_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Здравствуйте! Что хотите создать?");
        assertThat(ANSWER_FAILURES.get()).isZero();
        assertThat(receiveOutgoing(1_000)).as("no fallback before the real reply").isNull();
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

    /** Two failures are a hiccup; twelve outlast the four bounded retries of a poison message, as an outage does. */
    @ParameterizedTest(name = "{0} database failures while the {1} step runs")
    @CsvSource({"2, store", "2, turn", "12, store"})
    void aDatabaseFailureIsRetriedUntilItEndsAndTheCustomerAnswered(int failures, String step) {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        AtomicInteger armed = "store".equals(step) ? STORE_FAILURES : TURN_FAILURES;
        armed.set(failures);
        String phone = String.valueOf(77010000060L + CUSTOMERS.incrementAndGet());

        publishIncoming("transient-" + phone, phone, "Хочу научиться делать сайты");

        assertThat(receiveOutgoing(30_000)).isNotNull();
        assertThat(armed.get()).isZero();
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


    private static void fail(AtomicInteger failures, RuntimeException failure) {
        if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw failure;
        }
    }

    private static RuntimeException databaseDropped(String step) {
        return new TransientDataAccessResourceException("injected: the database connection dropped during " + step);
    }
}
