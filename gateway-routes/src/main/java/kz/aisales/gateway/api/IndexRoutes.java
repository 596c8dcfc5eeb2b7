package kz.aisales.gateway.api;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /} (admin key): what this service is and where its endpoints are, as the original system answered. */
@Component
public class IndexRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/").get().produces("application/json").to("direct:index");

        from("direct:index").routeId("index").bean(ServiceIndex.class, "describe");
    }
}
