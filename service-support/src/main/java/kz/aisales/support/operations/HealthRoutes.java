package kz.aisales.support.operations;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;

/**
 * {@code GET /health} of either service, the one endpoint open without credentials: the service's {@link HealthCheck},
 * 200 when the database and the broker answer, 503 naming what is down. Also the REST DSL's configuration both services
 * share: platform-http, JSON binding, the answers' headers ({@link RestResponseHeaders}).
 */
public class HealthRoutes extends RouteBuilder {

    private final HealthCheck health;

    public HealthRoutes(HealthCheck health) {
        this.health = health;
    }

    @Override
    public void configure() {
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.json)
                .endpointProperty("headerFilterStrategy", "#restResponseHeaders");

        rest("/health").get().produces("application/json").to("direct:health");

        from("direct:health").routeId("health").routeConfigurationId("propagate-errors")
                .bean(health, "check")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${body.httpStatus}"));
    }
}
