package kz.aisales.gateway.api;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /logs/messages?limit=N} (admin key: customers' numbers and words): the newest message log rows. */
@Component
public class MessageLogRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/logs").get("/messages").produces("application/json").to("direct:logs-messages");

        from("direct:logs-messages").routeId("logs-messages").bean(MessageLogRequests.class, "newest");
    }
}
