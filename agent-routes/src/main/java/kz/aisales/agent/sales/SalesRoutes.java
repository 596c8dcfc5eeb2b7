package kz.aisales.agent.sales;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:sales-reply}: sales prompt with history and knowledge -> Gemini -> the reply (and call) to send. */
@Component
public class SalesRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:sales-reply").routeId("sales-reply").routeConfigurationId("propagate-errors")
                .bean(SalesAgent.class, "request")
                .to("direct:gemini-generate")
                .bean(SalesAgent.class, "reply");
    }
}
