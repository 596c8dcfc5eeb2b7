package kz.aisales.agent.moderation;

import kz.aisales.agent.conversation.TurnExchange;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:moderation-classify}: the moderator prompt -> Gemini -> the verdict stored, the turn updated, and the
 * moderator's greeting (for a contact it cannot place yet) kept for the reply.
 */
@Component
public class ModerationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:moderation-classify").routeId("moderation-classify").routeConfigurationId("propagate-errors")
                .bean(Moderator.class, "request")
                .to("direct:gemini-generate")
                .setProperty(TurnExchange.VERDICT, method(Moderator.class, "read"))
                .setProperty(TurnExchange.TURN, method(Moderator.class, "record"))
                .setProperty(TurnExchange.GREETING, method(Moderator.class, "greeting"));
    }
}
