package kz.aisales.agent.conversation;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

import kz.aisales.agent.config.ConversationProperties;
import kz.aisales.agent.gemini.GeminiException;
import kz.aisales.agent.operations.AgentMetrics;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.stereotype.Component;

/**
 * incoming_messages -> store once, upsert the contact -> a burst of one contact's messages becomes one
 * turn -> under the contact's lease: moderator while unclassified, then silence, a greeting or the sales
 * agent -> the follow-up sequence updated from the customer's intent -> outgoing_messages and the stored
 * reply. A turn answers every customer message still open, so a repeated turn finds nothing left and never
 * replies twice. Follow-up touches are published through {@code reply-send} too.
 */
@Component
public class ConversationRoutes extends RouteBuilder {

    public static final String PHONE = "phone_number";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String INCOMING = "incoming";
    public static final String INCOMING_JSON = "incomingJson";
    public static final String TURN = "turn";
    public static final String REPLY = "reply";

    private final ConversationProperties conversation;
    private final JdbcAggregationRepository bursts;

    public ConversationRoutes(ConversationProperties conversation, JdbcAggregationRepository conversationBurstRepository) {
        this.conversation = conversation;
        this.bursts = conversationBurstRepository;
    }

    @Override
    public void configure() {
        ExecutorService turns = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "conversation-turn", conversation.concurrency());

        from("spring-rabbitmq:default?queues={{queues.incoming}}&autoDeclare=false&maximumRetryAttempts=1&prefetchCount=50")
                .routeId("incoming-consume").routeConfigurationId("dead-letter")
                .convertBodyTo(String.class)
                .setProperty(INCOMING, method(IncomingMessageReader.class, "read"))
                .bean(ConversationStore.class, "storeIncoming(${exchangeProperty.incoming})")
                .filter(header(CORRELATION_ID).isNull())
                    .setHeader(CORRELATION_ID, simple("${exchangeProperty.incoming.messageId}"))
                .end()
                .setHeader(PHONE, simple("${exchangeProperty.incoming.phoneNumber}"))
                .removeHeaders("*", PHONE, CORRELATION_ID)
                .bean(AgentMetrics.class, "received(${exchangeProperty.incoming.messageType})")
                .log("Received ${exchangeProperty.incoming.messageType} message ${exchangeProperty.incoming.messageId}"
                        + " from ${exchangeProperty.incoming.phoneNumber}")
                .to("direct:conversation-burst");

        from("direct:conversation-burst").routeId("conversation-burst")
                .aggregate(header(PHONE), new LatestMessageStrategy())
                    .aggregationRepository(bursts)
                    .completionTimeout(conversation.messageGroupTimeout().toMillis())
                    .completionTimeoutCheckerInterval(Math.min(1000, conversation.messageGroupTimeout().toMillis() / 4))
                    .completionSize(conversation.maxMessagesInGroup())
                    .parallelProcessing().executorService(turns)
                    .to("direct:conversation-turn");

        from("direct:conversation-turn").routeId("conversation-turn").routeConfigurationId("dead-letter")
                .setProperty(PHONE, header(PHONE))
                .setProperty(INCOMING_JSON, body())
                .removeHeaders("*", CORRELATION_ID)
                .log("Turn for ${exchangeProperty.phone_number}")
                .bean(ContactLock.class, "acquire")
                .doTry()
                    .to("direct:conversation-respond")
                .doFinally()
                    .bean(ContactLock.class, "release")
                .end();

        from("direct:conversation-respond").routeId("conversation-respond")
                .setProperty(TURN, method(ConversationStore.class, "loadTurn(${exchangeProperty.phone_number})"))
                .filter(simple("${exchangeProperty.turn.hasUnhandled}"))
                    .doTry()
                        .to("direct:conversation-answer")
                    .doCatch(GeminiException.class, IOException.class)
                        .log("Gemini could not answer ${exchangeProperty.phone_number}: ${exception.message}; fallback sent, turn parked for replay")
                        .setProperty(Exchange.FAILURE_ROUTE_ID, constant("conversation-respond"))
                        .setBody(exchangeProperty(INCOMING_JSON))
                        .to("direct:dead-letter")
                        .bean(ReplyFactory.class, "fallback")
                    .end()
                    .to("direct:follow-up-after-turn")
                    .to("direct:reply-send");

        from("direct:conversation-answer").routeId("conversation-answer")
                .filter(simple("${exchangeProperty.turn.contact.isClient} == null"))
                    .to("direct:moderation-classify")
                .end()
                .choice()
                    .when(simple("${exchangeProperty.turn.contact.isClient} == false"))
                        .bean(ReplyFactory.class, "silence")
                    .when(simple("${exchangeProperty.turn.contact.isClient} == null"))
                        .bean(ReplyFactory.class, "greeting")
                    .otherwise()
                        .to("direct:sales-reply")
                .end();

        from("direct:reply-send").routeId("reply-send")
                .setProperty(REPLY, body())
                .filter(simple("${body.sends}"))
                    .bean(ReplyFactory.class, "outgoingJson")
                    .removeHeaders("*", CORRELATION_ID)
                    .to("spring-rabbitmq:default?routingKey={{queues.outgoing}}").id("outgoing-publish")
                    .log("Reply published to {{queues.outgoing}}")
                .end()
                .bean(ConversationStore.class, "saveReply(${exchangeProperty.reply})");
    }
}
