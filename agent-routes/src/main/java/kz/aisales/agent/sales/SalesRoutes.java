package kz.aisales.agent.sales;

import kz.aisales.agent.conversation.TurnExchange;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:sales-first-reply}: a contact not classified yet -> one sales call that also returns the moderator's
 * verdict -> the verdict recorded, the answer kept for {@code direct:sales-reply} (a client) or for the greeting (no
 * verdict yet); a non-client's reply is never used. {@code direct:sales-reply}: sales prompt with history and knowledge
 * -> Gemini (unless the turn has its answer already) -> the reply (and call) to send.
 */
@Component
public class SalesRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:sales-first-reply").routeId("sales-first-reply").routeConfigurationId("propagate-errors")
                .bean(SalesAgent.class, "request")
                .to("direct:gemini-generate")
                .setProperty(TurnExchange.SALES_ANSWER, method(SalesAgent.class, "read"))
                .setProperty(TurnExchange.VERDICT, method(SalesAgent.class, "verdict"))
                .to("direct:moderation-record");

        from("direct:sales-reply").routeId("sales-reply").routeConfigurationId("propagate-errors")
                .filter(exchangeProperty(TurnExchange.SALES_ANSWER).isNull())
                    .bean(SalesAgent.class, "request")
                    .to("direct:gemini-generate")
                    .setProperty(TurnExchange.SALES_ANSWER, method(SalesAgent.class, "read"))
                .end()
                .bean(SalesAgent.class, "reply");
    }
}
