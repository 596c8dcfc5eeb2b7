package kz.aisales.agent.conversation;

import static kz.aisales.agent.conversation.TurnExchange.CONTROL;
import static kz.aisales.agent.conversation.TurnExchange.CORRELATION_ID;
import static kz.aisales.agent.conversation.TurnExchange.WRITTEN_AT;
import static kz.aisales.agent.conversation.TurnExchange.INCOMING;
import static kz.aisales.agent.conversation.TurnExchange.INCOMING_JSON;
import static kz.aisales.agent.conversation.TurnExchange.OUTGOING;
import static kz.aisales.agent.conversation.TurnExchange.PHONE;
import static kz.aisales.agent.conversation.TurnExchange.PUBLICATION;
import static kz.aisales.agent.conversation.TurnExchange.REPLY;
import static kz.aisales.agent.conversation.TurnExchange.TURN;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

import kz.aisales.agent.config.ConversationProperties;
import kz.aisales.agent.config.ModerationProperties;
import kz.aisales.agent.control.ConversationControl;
import kz.aisales.agent.control.ManagerNotices;
import kz.aisales.agent.media.GatewayFiles;
import kz.aisales.agent.operations.AgentMetrics;
import kz.aisales.support.gemini.GeminiException;
import kz.aisales.support.operations.Outages;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.stereotype.Component;

/**
 * incoming_messages -> store once, upsert the contact -> a burst of one contact's messages becomes one
 * turn, whichever replicas consumed them ({@link BurstWindow}) -> under the contact's lease: the customer's language stored; a paused or opted-out contact held (stored,
 * not answered), a request to stop confirmed once; only voice notes that could not be transcribed get one line asking
 * to write (no model call); otherwise the moderator's verdict while unclassified (asked with the first sales reply, or by a moderator call first: MODERATION_MODE), then silence, a greeting or the sales agent -> the follow-up sequence updated from the customer's intent -> the reply stored, then
 * published to outgoing_messages (a turn replayed after a failure in between publishes the stored reply, not a new
 * one). A turn answers every customer message still open, so a repeated turn finds nothing left and never
 * replies twice. Follow-up touches are published through {@code reply-send} too (to their own queue, so the
 * gateway sends replies first), which withholds anything for a
 * contact paused or opted out meanwhile. An {@code operator_message} event (a person at the business wrote to the
 * customer) pauses the agent for that contact and is never answered. A sale or a booked call notifies the manager
 * when {@code MANAGER_PHONE} is set.
 */
@Component
public class ConversationRoutes extends RouteBuilder {


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

        // a message whose handling failed without reaching the dead-letter queue goes back to the queue, never away
        from("spring-rabbitmq:default?queues={{queues.incoming}}&autoDeclare=false&retry=#requeueOnFailure&prefetchCount=50")
                .routeId("incoming-consume").routeConfigurationId("dead-letter")
                .convertBodyTo(String.class)
                .setProperty(INCOMING, method(IncomingMessageReader.class, "read"))
                .filter(header(CORRELATION_ID).isNull())
                    .setHeader(CORRELATION_ID, simple("${exchangeProperty.incoming.messageId}"))
                .end()
                .choice()
                    .when(simple("${exchangeProperty.incoming.operatorMessage}"))
                        .to("direct:operator-message")
                    .otherwise()
                        .to("direct:customer-message")
                .end();

        from("direct:operator-message").routeId("operator-message").routeConfigurationId("propagate-errors")
                .bean(ConversationControl.class, "operatorTookOver");

        from("direct:customer-message").routeId("customer-message").routeConfigurationId("propagate-errors")
                // a file too large for the queue message was kept by the gateway: fetched once, before it is stored
                .setProperty(INCOMING, method(GatewayFiles.class, "fetched(${exchangeProperty.incoming})")).id("media-fetch")
                .bean(ConversationStore.class, "storeIncoming(${exchangeProperty.incoming})")
                .setHeader(PHONE, simple("${exchangeProperty.incoming.phoneNumber}"))
                .setHeader(WRITTEN_AT, method(LatestMessageStrategy.class, "writtenAt(${exchangeProperty.incoming})"))
                .removeHeaders("*", PHONE, CORRELATION_ID, WRITTEN_AT)
                .bean(AgentMetrics.class, "received(${exchangeProperty.incoming.messageType})")
                .log("Received ${exchangeProperty.incoming.messageType} message ${exchangeProperty.incoming.messageId}"
                        + " from ${exchangeProperty.incoming.phoneNumber}")
                .to("direct:conversation-burst");

        from("direct:conversation-burst").routeId("conversation-burst").routeConfigurationId("propagate-errors")
                .aggregate(header(PHONE), new LatestMessageStrategy())
                    .aggregationRepository(bursts)
                    .completionTimeout(conversation.messageGroupTimeout().toMillis())
                    .completionTimeoutCheckerInterval(Math.min(1000, conversation.messageGroupTimeout().toMillis() / 4))
                    .completionSize(conversation.maxMessagesInGroup())
                    .parallelProcessing().executorService(turns)
                    .to("direct:conversation-turn");

        from("direct:conversation-turn").routeId("conversation-turn").routeConfigurationId("dead-letter")
                .setProperty(PHONE, header(PHONE)).id("contact-of-the-burst")
                .setProperty(INCOMING_JSON, body()).id("keep-message-for-dead-letter")
                .removeHeaders("*", CORRELATION_ID).id("only-correlation-header")
                .log("Turn for ${exchangeProperty.phone_number}").id("turn-log")
                // a retry runs all of it again, the lock included; no doTry here, which would switch off the retries
                .to("direct:conversation-locked").id("respond");

        from("direct:conversation-locked").routeId("conversation-locked").routeConfigurationId("propagate-errors")
                // given back when the exchange is done, or at once when the contact's pace makes the turn wait
                .bean(ContactLock.class, "acquire").id("contact-lock-acquire")
                .bean(ReplyPace.class, "check").id("reply-pace")
                .to("direct:conversation-respond");

        from("direct:conversation-respond").routeId("conversation-respond").routeConfigurationId("propagate-errors")
                .setProperty(TURN, method(ConversationStore.class, "loadTurn(${exchangeProperty.phone_number})")).id("load-turn")
                // a reply stored by a turn that failed before its publication was confirmed goes out first, as stored
                .split(method(ConversationStore.class, "unpublished(${exchangeProperty.turn.contact})")).stopOnException()
                        .id("republish-stored")
                    .to("direct:reply-publish")
                .end()
                .filter(method(BurstWindow.class, "openElsewhere")).id("burst-open-on-another-replica")
                    .log("${exchangeProperty.phone_number} wrote again within the burst window, to another replica: its turn answers the whole burst")
                    .stop()
                .end()
                .filter(simple("${exchangeProperty.turn.hasUnhandled}")).id("has-unanswered-messages")
                    .setProperty(TURN, method(ConversationControl.class, "withLanguage")).id("detect-language")
                    .setProperty(CONTROL, method(ConversationControl.class, "decide")).id("paused-opted-out-or-answer")
                    .choice().id("control-decision")
                        .when(exchangeProperty(CONTROL).isEqualTo(ConversationControl.Decision.HOLD))
                            .log("${exchangeProperty.phone_number} is paused or opted out: messages stored, not answered")
                            .bean(ReplyFactory.class, "held")
                            .bean(ConversationStore.class, "saveReply(${body}, null)")
                        .when(simple("${exchangeProperty.turn.nothingToAnswer}"))
                            .log("${exchangeProperty.phone_number} sent only stickers or reactions: stored, not answered")
                            .bean(ReplyFactory.class, "nothingToAnswer")
                            .bean(ConversationStore.class, "saveReply(${body}, null)")
                        .when(exchangeProperty(CONTROL).isEqualTo(ConversationControl.Decision.OPT_OUT))
                            .log("${exchangeProperty.phone_number} asked not to be messaged: one confirmation, then silence")
                            .bean(ReplyFactory.class, "optOut")
                            .to("direct:follow-up-after-turn")
                            .to("direct:reply-send")
                        .otherwise()
                            .to("direct:conversation-reply")
                    .end();

        from("direct:conversation-reply").routeId("conversation-reply").routeConfigurationId("propagate-errors")
                .doTry()
                    .to("direct:conversation-answer")
                // Gemini's failures only: a database outage also carries an IOException (the refused connection)
                // and goes back to the consumer's policy, which waits it out
                .doCatch(GeminiException.class, IOException.class).onWhen(Outages::notAnOutage)
                    .log("Gemini could not answer ${exchangeProperty.phone_number}: ${exception.message}; fallback sent, turn parked for replay")
                    .setProperty(Exchange.FAILURE_ROUTE_ID, constant("conversation-respond"))
                    .setBody(exchangeProperty(INCOMING_JSON))
                    .to("direct:dead-letter")
                    .bean(ReplyFactory.class, "fallback")
                .end()
                .filter(exchangeProperty(CONTROL).isEqualTo(ConversationControl.Decision.OPT_IN))
                    .log("${exchangeProperty.phone_number} asked to continue after opting out")
                    .transform(simple("${body.optingIn}"))
                .end()
                .to("direct:follow-up-after-turn")
                .to("direct:reply-send")
                .to("direct:manager-notice");

        from("direct:manager-notice").routeId("manager-notice").routeConfigurationId("propagate-errors")
                .filter(method(ManagerNotices.class, "due"))
                    .setBody(method(ManagerNotices.class, "notice"))
                    .removeHeaders("*", CORRELATION_ID)
                    .to("spring-rabbitmq:default?routingKey={{queues.outgoing}}").id("notice-publish")
                    .log("Manager notified about ${exchangeProperty.phone_number}")
                .end();

        from("direct:conversation-answer").routeId("conversation-answer").routeConfigurationId("propagate-errors")
                .choice().id("unheard-voice-or-answer")
                    .when(simple("${exchangeProperty.turn.onlyUnheardVoice}"))
                        .log("${exchangeProperty.phone_number} sent only voice notes that could not be transcribed: asked to write")
                        .bean(ReplyFactory.class, "voiceUnheard")
                    .otherwise()
                        .to("direct:conversation-classified-answer")
                .end();

        from("direct:conversation-classified-answer").routeId("conversation-classified-answer").routeConfigurationId("propagate-errors")
                .filter(simple("${exchangeProperty.turn.contact.isClient} == null"))
                    .choice()
                        .when(method(ModerationProperties.class, "combined"))
                            .to("direct:sales-first-reply")
                        .otherwise()
                            .to("direct:moderation-classify")
                    .end()
                .end()
                .choice()
                    .when(simple("${exchangeProperty.turn.contact.isClient} == false"))
                        .bean(ReplyFactory.class, "silence")
                    .when(simple("${exchangeProperty.turn.contact.isClient} == null"))
                        .bean(ReplyFactory.class, "greeting")
                    .otherwise()
                        .to("direct:sales-reply")
                .end();

        from("direct:reply-send").routeId("reply-send").routeConfigurationId("propagate-errors")
                .bean(ConversationControl.class, "screen")
                .setProperty(REPLY, body())
                .setProperty(OUTGOING, constant(null))
                .filter(simple("${body.sends}"))
                    .setProperty(OUTGOING, method(ReplyFactory.class, "outgoingJson"))
                .end()
                // stored before it is published: what the customer gets is what the conversation shows
                .setBody(method(ConversationStore.class, "saveReply(${exchangeProperty.reply}, ${exchangeProperty.outgoing})"))
                .filter(body().isNotNull())
                    .to("direct:reply-publish")
                .end();

        // a long reply goes as up to REPLY_BUBBLES_MAX messages, in order, each sent once by its own outbox id
        from("direct:reply-publish").routeId("reply-publish").routeConfigurationId("propagate-errors")
                .setProperty(PUBLICATION, body())
                .split(method(ReplyBubbles.class, "of(${body.outgoing})")).stopOnException().id("bubbles")
                    .removeHeaders("*", CORRELATION_ID)
                    .choice()
                        .when(simple("${exchangeProperty.publication.followUp}"))
                            .to(ExchangePattern.InOnly, "spring-rabbitmq:default?routingKey={{queues.outgoing-follow-ups}}").id("follow-up-queue-publish")
                            .log("Follow-up published to {{queues.outgoing-follow-ups}}")
                        .otherwise()
                            .to(ExchangePattern.InOnly, "spring-rabbitmq:default?routingKey={{queues.outgoing}}").id("outgoing-publish")
                            .log("Reply published to {{queues.outgoing}}")
                    .end()
                .end()
                .bean(ConversationStore.class, "published(${exchangeProperty.publication.outboxId})");
    }
}
