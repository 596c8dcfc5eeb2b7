package kz.aisales.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /test/send-message} (admin key): a message to a chosen number -> {@code outgoing_messages}, where the
 * gateway's own sender picks it up; 202 with its {@code outbox_id}, or 400 naming what is missing or unreadable.
 */
@Component
public class TestSendRoutes extends RouteBuilder {

    private static final String REFUSAL = "testSendRefusal";

    @Override
    public void configure() {
        onException(JsonProcessingException.class).handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setBody(method(TestSends.class, "unreadable"));

        rest("/test").post("/send-message").consumes("application/json").produces("application/json")
                .type(TestSendRequest.class).to("direct:test-send-message");

        from("direct:test-send-message").routeId("test-send-message")
                .setProperty(REFUSAL, method(TestSends.class, "refusal"))
                .choice()
                    .when(exchangeProperty(REFUSAL).isNotNull())
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                        .setBody(exchangeProperty(REFUSAL))
                    .otherwise()
                        .setBody(method(TestSends.class, "notice"))
                        .setProperty(TestSends.OUTBOX_ID, simple("${body.outboxId}"))
                        .setHeader("correlation_id", exchangeProperty(TestSends.OUTBOX_ID))
                        .to("direct:publish-outgoing").id("test-send-publish")
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                        .setBody(method(TestSends.class, "queued"))
                .end();
    }
}
