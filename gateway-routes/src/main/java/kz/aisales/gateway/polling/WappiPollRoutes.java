package kz.aisales.gateway.polling;

import kz.aisales.gateway.config.IdempotencyConfiguration;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code wappi-poll}: every {@code POLLING_INTERVAL} seconds (every {@code WAPPI_RECONCILE_INTERVAL} once the webhook
 * is registered, {@link PollSchedule}), new Wappi messages (oldest first) ->
 * once per Wappi message id, ever -> filter -> content-based router -> {@code incoming_messages} or, for a voice note
 * to transcribe or an image or document to attach, {@code voice_transcription}; a message a person at the business typed goes to {@code incoming_messages} as an
 * {@code operator_message} event. Cursors advance only after every message of the poll went through;
 * a failed poll is simply repeated, and the persistent de-duplication stops repeats. {@code direct:wappi-message} is
 * also where pushed messages ({@code wappi-webhook}) enter. Only the replica that leads the Wappi number polls
 * ({@link kz.aisales.gateway.cluster.NumberLeadership}).
 */
@Component
public class WappiPollRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // started on the replica that leads the Wappi number (NumberLeadership)
        from("timer:wappi-poll?period={{polling.interval}}s").routeId("wappi-poll").routeConfigurationId("poll-errors")
                .autoStartup(false)
                .filter(method(PollSchedule.class, "due")).id("poll-due")
                .bean(ChatActivityScanner.class, "scan").id("wappi-scan")
                .split(simple("${body.messages}")).id("each-new-message")
                    .to("direct:wappi-message").id("to-wappi-message")
                .end()
                .bean(IncomingLog.class, "groupChatSkipped").id("log-skipped-groups")
                .bean(ChatActivityScanner.class, "commit").id("advance-cursors");

        from("direct:wappi-message").routeId("wappi-message").routeConfigurationId("propagate-errors")
                .setHeader("correlation_id", simple("${body.id}")).id("correlation-id")
                // not eager: an id is recorded right after its message was published (or filtered), so a crash
                // in between republishes it (the agent stores each message id once) instead of losing it
                .idempotentConsumer(header("correlation_id"))
                        .idempotentRepository(IdempotencyConfiguration.INCOMING).eager(false).id("once-per-wappi-id")
                    .setProperty("decision", method(IncomingMessageFilter.class, "decide")).id("own-group-whitelist-filter")
                    .choice().id("forward-report-or-drop")
                        .when(simple("${exchangeProperty.decision.forward}"))
                            .to("direct:wappi-message-route")
                        .when(simple("${exchangeProperty.decision.operator}"))
                            .to("direct:wappi-operator-message")
                        .otherwise()
                            .bean(IncomingLog.class, "filtered(${body}, ${exchangeProperty.decision})")
                    .end()
                    .bean(IdempotencyConfiguration.INCOMING, "add(${header.correlation_id})")
                .end();

        from("direct:wappi-operator-message").routeId("wappi-operator-message").routeConfigurationId("propagate-errors")
                .bean(WappiMessageMapper.class, "toOperatorEvent")
                .bean(IncomingLog.class, "operatorMessage")
                .to("direct:publish-incoming");

        from("direct:wappi-message-route").routeId("wappi-message-route").routeConfigurationId("propagate-errors")
                .choice()
                    .when(method(WappiMessageMapper.class, "isVoice"))
                        .bean(WappiMessageMapper.class, "toVoiceRequest")
                        .bean(IncomingLog.class, "forwarded")
                        .to("direct:publish-voice")
                    .when(method(WappiMessageMapper.class, "isAttached"))
                        .bean(WappiMessageMapper.class, "toAttachmentRequest")
                        .bean(IncomingLog.class, "forwarded")
                        .to("direct:publish-voice")
                    .otherwise()
                        .bean(WappiMessageMapper.class, "toIncoming")
                        .bean(IncomingLog.class, "forwarded")
                        .to("direct:publish-incoming")
                .end();
    }
}
