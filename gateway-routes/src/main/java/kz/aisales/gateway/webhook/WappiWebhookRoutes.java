package kz.aisales.gateway.webhook;

import kz.aisales.gateway.sending.SendingPauseNotices;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * {@code wappi-webhook}: {@code POST /webhooks/wappi} -> the secret ({@link WebhookAuth}, else 401) -> every event
 * of the body -> a message joins polling's path ({@code direct:wappi-message}: same filter, whitelist, router and
 * once-per-id publish, so a message pushed and polled is answered once); a delivery status is stored and read for ban
 * signals -> 200 once all of it is safely published. {@code wappi-webhook-register}: registers the webhook at Wappi
 * when {@code WAPPI_WEBHOOK_URL} is set, until it succeeds.
 */
@Component
public class WappiWebhookRoutes extends RouteBuilder {

    static final String EVENTS = "webhookEvents";
    static final String AUTHORIZED = "webhookAuthorized";

    @Override
    public void configure() {
        rest("/webhooks/wappi")
                .post().bindingMode(RestBindingMode.off).consumes("application/json").produces("application/json")
                .to("direct:wappi-webhook");

        from("direct:wappi-webhook").routeId("wappi-webhook").routeConfigurationId("webhook-errors")
                .setProperty(AUTHORIZED, method(WebhookAuth.class, "authorized"))
                // the secret (header or query) and every other HTTP header stop here: none reaches a log or an answer
                .removeHeaders("*")
                .choice()
                    .when(exchangeProperty(AUTHORIZED).isEqualTo(false))
                        .bean(WebhookAnswers.class, "unauthorized").id("wappi-webhook-refuse")
                    .otherwise()
                        .setProperty(EVENTS, method(WebhookEvents.class, "read")).id("wappi-webhook-read")
                        .split(exchangeProperty(EVENTS)).stopOnException()
                            .to("direct:wappi-webhook-event")
                        .end()
                        .setBody(exchangeProperty(EVENTS))
                        .bean(WebhookEvents.class, "accepted")
                .end()
                .marshal().json();

        from("direct:wappi-webhook-event").routeId("wappi-webhook-event").routeConfigurationId("propagate-errors")
                .choice()
                    .when(method(WebhookEvents.class, "isMessage"))
                        .bean(WebhookEvents.class, "toPolled")
                        .to("direct:wappi-message").id("wappi-webhook-message")
                    .when(method(WebhookEvents.class, "isDeliveryStatus"))
                        .to("direct:wappi-delivery-status").id("wappi-webhook-delivery-status")
                    .otherwise()
                        .bean(WebhookEvents.class, "ignored")
                .end();

        // a ban signal that pauses sending tells the manager, once per pause, on the replies' queue (never held by it)
        from("direct:wappi-delivery-status").routeId("wappi-delivery-status").routeConfigurationId("propagate-errors")
                .bean(DeliveryStatuses.class, "record").id("record-delivery-status")
                .filter(body().isNotNull()).id("sending-paused-now")
                    .bean(SendingPauseNotices.class, "notice")
                    .filter(body().isNotNull()).id("manager-to-tell")
                        .setHeader("correlation_id", simple("${body.outboxId}"))
                        .to("direct:publish-outgoing").id("sending-paused-notice")
                    .end()
                .end();

        from("timer:wappi-webhook-register?delay={{webhook.register-delay-ms:1000}}&period={{webhook.register-retry-ms:60000}}")
                .routeId("wappi-webhook-register").routeConfigurationId("poll-errors")
                .filter(method(WebhookRegistration.class, "needed"))
                    .bean(WebhookRegistration.class, "register").id("wappi-webhook-register-call")
                .end();
    }
}
