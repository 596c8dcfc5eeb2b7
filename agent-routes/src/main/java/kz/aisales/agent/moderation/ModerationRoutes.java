package kz.aisales.agent.moderation;

import kz.aisales.agent.conversation.TurnExchange;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:moderation-classify}: the moderator prompt -> Gemini -> the verdict stored, the turn updated. */
@Component
public class ModerationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:moderation-classify").routeId("moderation-classify").routeConfigurationId("propagate-errors")
                .bean(Moderator.class, "request")
                .to("direct:gemini-generate")
                .setProperty(TurnExchange.TURN, method(Moderator.class, "record"));
    }
}
