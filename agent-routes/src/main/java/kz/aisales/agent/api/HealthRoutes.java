package kz.aisales.agent.api;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/** {@code GET /health}: 200 when the database and the broker answer, 503 naming what is down. */
@Component
public class HealthRoutes extends RouteBuilder {

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.json)
                .endpointProperty("headerFilterStrategy", "#restResponseHeaders");

        rest("/health").get().produces("application/json").to("direct:health");

        from("direct:health").routeId("health").routeConfigurationId("propagate-errors")
                .bean(HealthService.class, "check")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${body.httpStatus}"));
    }
}
