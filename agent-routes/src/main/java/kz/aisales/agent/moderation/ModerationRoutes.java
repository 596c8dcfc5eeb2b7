package kz.aisales.agent.moderation;

import kz.aisales.agent.conversation.ConversationRoutes;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:moderation-classify}: the moderator prompt -> Gemini -> the verdict stored, the turn updated. */
@Component
public class ModerationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:moderation-classify").routeId("moderation-classify")
                .bean(Moderator.class, "request")
                .to("direct:gemini-generate")
                .setProperty(ConversationRoutes.TURN, method(Moderator.class, "record"));
    }
}
