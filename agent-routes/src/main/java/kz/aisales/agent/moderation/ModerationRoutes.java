package kz.aisales.agent.moderation;

import kz.aisales.agent.conversation.TurnExchange;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:moderation-classify}: the moderator prompt -> Gemini -> the verdict; {@code direct:moderation-record}:
 * a verdict (the moderator's, or the one a new contact's first sales call gave) stored, the turn updated, and the
 * greeting for a contact it cannot place yet kept for the reply.
 */
@Component
public class ModerationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:moderation-classify").routeId("moderation-classify").routeConfigurationId("propagate-errors")
                .bean(Moderator.class, "request")
                .to("direct:gemini-generate")
                .setProperty(TurnExchange.VERDICT, method(Moderator.class, "read"))
                .to("direct:moderation-record");

        from("direct:moderation-record").routeId("moderation-record").routeConfigurationId("propagate-errors")
                .setProperty(TurnExchange.TURN, method(Moderator.class, "record"))
                .setProperty(TurnExchange.GREETING, method(Moderator.class, "greeting"));
    }
}
