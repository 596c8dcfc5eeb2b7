package kz.aisales.gateway.deadletter;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code POST /dead-letters/{queue}/replay?max=N}: dead letters of a queue back onto it (needs the admin key). */
@Component
public class DeadLetterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/dead-letters")
                .post("/{queue}/replay").produces("application/json").to("direct:dead-letter-replay");

        from("direct:dead-letter-replay").routeId("dead-letter-replay").bean(DeadLetterReplay.class, "replay");
    }
}
