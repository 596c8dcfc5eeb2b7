package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import kz.aisales.agent.AgentFlowSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation routes as Camel sees them: a {@link NotifyBuilder} waits for the turn instead of polling the queue,
 * and a {@link MockEndpoint} woven in just before the publish (which still runs) says what left, how often and in
 * which order.
 */
class ConversationRoutesMockIT extends AgentFlowSupport {

    /** The (shared, cached) context the mock was woven into, so it is woven once. */
    private static CamelContext advised;

    private MockEndpoint published;

    @BeforeEach
    void weaveTheMock() throws Exception {
        if (advised != camel) {
            AdviceWith.adviceWith(camel, "reply-publish", route -> route.weaveById("outgoing-publish").before()
                    .to("mock:published").id("published-mock"));
            advised = camel;
        }
        published = camel.getEndpoint("mock:published", MockEndpoint.class);
        published.reset();
    }

    @Test
    void aBurstOfThreeIsOneTurnWhoseLongReplyLeavesAsThreeBubblesInOrder() throws Exception {
        stubModerator(true);
        stubSales("Здравствуйте, Айгерим!\n\nКурс длится три месяца, занятия по вечерам.\n\nХотите, расскажу о цене?", "other");
        NotifyBuilder turn = new NotifyBuilder(camel).wereSentTo("direct:conversation-respond").whenDone(1).create();
        published.expectedMessageCount(3);

        publishIncoming("mock-burst-1", "77010000097", "Здравствуйте");
        publishIncoming("mock-burst-2", "77010000097", "Сколько длится курс?");
        publishIncoming("mock-burst-3", "77010000097", "И когда занятия?");

        assertThat(turn.matches(30, TimeUnit.SECONDS)).as("one turn done").isTrue();
        published.assertIsSatisfied(10_000);
        List<String> outboxIds = published.getReceivedExchanges().stream().map(ConversationRoutesMockIT::outboxId).toList();
        assertThat(outboxIds.get(1)).isEqualTo(outboxIds.get(0) + ":2");
        assertThat(outboxIds.get(2)).isEqualTo(outboxIds.get(0) + ":3");
        GEMINI.verify(1, salesRequests());
    }

    @Test
    void aCustomerWhoIsNotAClientGetsNothingPublished() throws Exception {
        stubModerator(false);
        NotifyBuilder turn = new NotifyBuilder(camel).wereSentTo("direct:conversation-respond").whenDone(1).create();
        published.expectedMessageCount(0);

        publishIncoming("mock-spam-1", "77010000098", "Продвижение вашего бизнеса в топ за 1 день!");

        assertThat(turn.matches(30, TimeUnit.SECONDS)).as("one turn done").isTrue();
        published.setAssertPeriod(1_000);
        published.assertIsSatisfied();
        GEMINI.verify(0, salesRequests());
    }

    private static String outboxId(Exchange exchange) {
        try {
            return JSON.readTree(exchange.getMessage().getBody(String.class)).path("outbox_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
