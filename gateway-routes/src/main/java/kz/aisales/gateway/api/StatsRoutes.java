package kz.aisales.gateway.api;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /stats}: received, sent and transcribed today, and the depth of each queue and dead-letter queue, also
 * in the original system's fields ({@code date}, {@code messages_*_today}, {@code queue_sizes}).
 */
@Component
public class StatsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/stats").get().produces("application/json").to("direct:stats");

        from("direct:stats").routeId("stats").bean(StatsService.class, "stats");
    }
}
