package kz.aisales.gateway.sending;

import java.util.Map;

import kz.aisales.gateway.cluster.SendHandover;
import kz.aisales.gateway.config.IdempotencyConfiguration;
import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.gateway.wappi.WappiRequests;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code wappi-send-replies}: {@code outgoing_messages} (single active consumer) and {@code wappi-send-follow-ups}:
 * {@code outgoing_follow_ups} (single active consumer; each touch waits while a reply is waiting or the rate limit
 * is used up, {@link SendPriority}) -> {@code wappi-send}: once per outbox id, ever -> at least
 * {@code SEND_MIN_GAP_SECONDS} after the previous message to that customer ({@link SendGap}) ->
 * {@code wappi-send-call}, the unit a retry repeats: not again if an earlier attempt already delivered it
 * ({@link DeliveryCheck}) -> {@code wappi-send-request}: throttle, at most {@code SEND_RATE_LIMIT} attempts per
 * {@code SEND_RATE_PERIOD_SECONDS} for replies, follow-ups and their retries together -> Wappi {@code message/send}
 * or {@code message/reply} (a quote, unless {@code quote} is false) -> {@code message_logs}. At the first look at a
 * reply, beside the send: mark the answered message read (when asked) and show "typing..." ({@link Typing}) unless an
 * earlier message to that customer is still to go; once a message left, the next one to that customer (a reply's next
 * bubble) is typed at once. The message's typing time is part of the wait for its customer ({@link SendGap}), which
 * other customers never wait for.
 * A message to a customer who opted out ({@link OptOuts}) is refused and logged, never sent. While sending is paused
 * after a ban signal ({@link SendingPause}) follow-ups wait, replies still go; a follow-up to a customer who did not write
 * lately waits while the number's cold budgets are used up ({@link ColdBudget}). Each call is recorded in
 * {@link OwnMessages} before it leaves, and Wappi's ids after it, so the message's echo is known as ours.
 * Failures follow the {@code send-errors} policy (bounded retry, then the dead-letter queue). The two consumers run on
 * the replica that leads the Wappi number only ({@link kz.aisales.gateway.cluster.NumberLeadership}), so one throttle
 * and one reply-before-follow-up order hold whatever the replica count.
 */
@Component
public class WappiSendRoutes extends RouteBuilder {

    static final String OUTGOING = "outgoing";
    static final String OUTBOX_KEY = "outboxKey";
    static final String DELIVERED_COPY = "deliveredCopy";
    static final String DEFER_TO = "deferTo";
    static final String NEXT_IN_LINE = "nextInLine";
    static final String ANOTHER_WAITS = "anotherWaits";

    private final SendingProperties sending;

    public WappiSendRoutes(SendingProperties sending) {
        this.sending = sending;
    }

    @Override
    public void configure() {
        from("spring-rabbitmq:default?queues={{queues.outgoing}}&autoDeclare=false&retry=#requeueOnFailure&prefetchCount=1")
                .routeId(SendPriority.REPLIES_ROUTE).routeConfigurationId("propagate-errors")
                .autoStartup(false)
                .to("direct:wappi-send");

        from("spring-rabbitmq:default?queues={{queues.outgoing-follow-ups}}&autoDeclare=false&retry=#requeueOnFailure"
                + "&prefetchCount=1")
                .routeId(SendPriority.FOLLOW_UPS_ROUTE).routeConfigurationId("propagate-errors")
                .autoStartup(false)
                .loopDoWhile(method(SendPriority.class, "followUpWaits"))
                    .delay(simple("{{sending.follow-up-wait-ms}}")).syncDelayed().end()
                .end()
                .to("direct:wappi-send");

        from("direct:wappi-send").routeId("wappi-send").routeConfigurationId("send-errors")
                .setProperty(OUTGOING, method(OutgoingMessages.class, "read")).id("read-outgoing")
                .setProperty(OUTBOX_KEY, simple("${exchangeProperty." + OUTGOING + ".idempotencyKey}")).id("outbox-key")
                // the customer sees their message read, and the reply typed, from the sender's first look on (typed
                // only when nothing earlier to them is still to go); beside the send, never holding it
                .setProperty(NEXT_IN_LINE, method(SendFairness.class, "nextInLine"))
                .wireTap("direct:wappi-send-read-and-type").id("read-and-type")
                // round robin: a message that would hold the sender for its customer's gap or typing time lets the
                // others go first, also those that arrive while it waits
                .loopDoWhile(method(SendFairness.class, "waitsAlone")).id("wait-while-alone")
                    .delay(simple("{{sending.wait-slice-ms}}")).syncDelayed().end()
                .end()
                .filter(method(SendFairness.class, "defers")).id("behind-other-customers")
                    .setHeader(SendFairness.DEFERRALS, method(SendFairness.class, "nextDeferral"))
                    .setProperty(DEFER_TO, method(SendFairness.class, "queueOf"))
                    .toD("spring-rabbitmq:default?routingKey=${exchangeProperty." + DEFER_TO + "}&confirm=enabled")
                            .id("back-of-the-queue")
                    .log("Message to ${exchangeProperty." + OUTGOING + ".phoneNumber} waits for its customer's gap:"
                            + " back of ${exchangeProperty." + DEFER_TO + "} behind other customers")
                    .stop()
                .end()
                // not eager: an outbox id is recorded only once Wappi accepted the message (just below), so a
                // crash before that re-sends it rather than losing it; a failure never records it
                .idempotentConsumer(exchangeProperty(OUTBOX_KEY))
                        .idempotentRepository(IdempotencyConfiguration.OUTBOX).eager(false).removeOnFailure(false)
                        .skipDuplicate(false).id("once-per-outbox-id")
                    .choice().id("duplicate-opted-out-or-send")
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .bean(SendLog.class, "duplicate")
                        .when(method(OptOuts.class, "refuses"))
                            .bean(SendLog.class, "refused")
                            .bean(IdempotencyConfiguration.OUTBOX, "add(${exchangeProperty." + OUTBOX_KEY + "})")
                        .otherwise()
                            .loopDoWhile(method(ColdBudget.class, "holds")).id("cold-budget-used-up")
                                .delay(simple("{{cold-sending.wait-ms}}")).syncDelayed().end()
                            .end()
                            // a ban signal holds the next follow-up; one released hours later is still checked below
                            .loopDoWhile(method(SendingPause.class, "holds")).id("follow-up-paused")
                                .delay(simple("{{sending.paused-wait-ms}}")).syncDelayed().end()
                            .end()
                            .choice().id("superseded-or-send")
                                .when(method(ColdBudget.class, "superseded"))
                                    .bean(SendLog.class, "superseded")
                                    .bean(IdempotencyConfiguration.OUTBOX, "add(${exchangeProperty." + OUTBOX_KEY + "})")
                                .otherwise()
                                    .delay(method(SendGap.class, "waitMillis")).syncDelayed().id("gap-per-customer").end()
                                    .to("direct:wappi-send-call").id("wappi-send-deliver")
                                    .bean(SendLog.class, "sent").id("log-sent")
                                    // the next bubble to this customer is typed as soon as this one left
                                    .setProperty(ANOTHER_WAITS, method(SendFairness.class, "anotherWaits"))
                                    .wireTap("direct:wappi-send-type-next").id("type-the-next")
                                    .bean(OptOuts.class, "sent").id("remember-opt-out")
                                    .bean(IdempotencyConfiguration.OUTBOX, "add(${exchangeProperty." + OUTBOX_KEY + "})")
                            .end()
                    .end()
                .end();

        // what a retry of send-errors repeats: a broker redelivery or a retry after an uncertain failure first
        // looks in the chat, and every attempt that does call Wappi passes the throttle again
        from("direct:wappi-send-call").routeId("wappi-send-call").routeConfigurationId("propagate-errors")
                .setProperty(DELIVERED_COPY, method(DeliveryCheck.class, "deliveredCopy"))
                .choice()
                    .when(exchangeProperty(DELIVERED_COPY).isNull())
                        .to("direct:wappi-send-request")
                    .otherwise()
                        .setBody(exchangeProperty(DELIVERED_COPY))
                        .bean(OwnMessages.class, "foundInChat")
                .end();

        from("direct:wappi-send-request").routeId("wappi-send-request").routeConfigurationId("propagate-errors")
                // a new sender's throttle is empty, Wappi's count of the previous sender's calls is not
                .delay(method(SendHandover.class, "millisLeft")).id("send-handover")
                .throttle(simple("{{sending.rate-limit}}")).timePeriodMillis(sending.rateWindowMillis())
                        .totalRequestsMode().id("throttle-per-number")
                .bean(SendPriority.class, "admitted")
                .setProperty(OwnMessages.ATTEMPT, method(OwnMessages.class, "attempting"))
                .setBody(exchangeProperty(OUTGOING))
                .choice()
                    .when(simple("${body.quoted}"))
                        .bean(OutgoingMessages.class, "reply")
                        .to("direct:wappi-message-reply").id("wappi-send-reply-request")
                    .otherwise()
                        .bean(OutgoingMessages.class, "send")
                        .to("direct:wappi-message-send").id("wappi-send-message-request")
                .end()
                .bean(OwnMessages.class, "sent");

        // best effort on a copy of the exchange: a failure here never holds, fails or repeats the send
        from("direct:wappi-send-read-and-type").routeId("wappi-send-read-and-type").routeConfigurationId("propagate-errors")
                .filter(method(Typing.class, "startsNow").isEqualTo(false)).id("not-the-first-look")
                    .stop()
                .end()
                .filter(simple("${exchangeProperty." + OUTGOING + ".markAsRead} && ${exchangeProperty." + OUTGOING + ".reply}"))
                    .setBody(exchangeProperty(OUTGOING))
                    .bean(OutgoingMessages.class, "markRead")
                    .setHeader(WappiRequests.QUERY, constant(Map.of("mark_all", "true")))
                    .doTry()
                        .to("direct:wappi-mark-read").id("wappi-send-mark-read-request")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "Mark read failed (correlation ${header.correlation_id}):"
                                + " ${exception.message}")
                    .end()
                .end()
                .filter(exchangeProperty(NEXT_IN_LINE))
                    .to("direct:wappi-send-typing")
                .end();

        from("direct:wappi-send-type-next").routeId("wappi-send-type-next").routeConfigurationId("propagate-errors")
                .filter(exchangeProperty(ANOTHER_WAITS))
                    .to("direct:wappi-send-typing")
                .end();

        from("direct:wappi-send-typing").routeId("wappi-send-typing").routeConfigurationId("propagate-errors")
                .filter(method(Typing.class, "presence"))
                    .setBody(method(Typing.class, "payload"))
                    .removeHeader(WappiRequests.QUERY)
                    .doTry()
                        .to("direct:wappi-typing-start").id("wappi-send-typing-request")
                    .doCatch(Exception.class)
                        .bean(Typing.class, "presenceFailed(${exception})")
                    .end()
                .end();
    }
}
