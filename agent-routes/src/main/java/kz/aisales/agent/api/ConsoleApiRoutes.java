package kz.aisales.agent.api;

import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.TurnExchange;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * What the operator console reads and does beyond the operators' API ({@link AgentApiRoutes}), open to machines with
 * the key as well: the inbox, writing to a customer as the business, "needs a human" done, re-running the moderator,
 * cancelling a follow-up sequence, a booked call's outcome, the dashboard, the gateway's sending pause and its resume.
 */
@Component
public class ConsoleApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().produces("application/json")
                .get("/conversations")
                    .param().name("status").type(RestParamType.query).description("bot, waiting, paused, needs_human, opted_out, not_client").endParam()
                    .param().name("q").type(RestParamType.query).description("part of the name or number").endParam()
                    .param().name("limit").type(RestParamType.query).description("at most this many, default 200").endParam()
                    .to("direct:api-conversations")
                .post("/contacts/{phone}/messages").consumes("application/json").type(ConsoleActions.OperatorText.class)
                    .to("direct:api-operator-message")
                .post("/contacts/{phone}/needs-human/done").to("direct:api-needs-human-done")
                .post("/contacts/{phone}/classify").to("direct:api-contact-reclassify")
                .post("/follow-ups/{id}/cancel").to("direct:api-follow-up-cancel")
                .post("/scheduled-calls/{id}/status").consumes("application/json").to("direct:api-call-outcome")
                .get("/dashboard")
                    .param().name("from").type(RestParamType.query).description("first local day, YYYY-MM-DD").endParam()
                    .param().name("to").type(RestParamType.query).description("last local day, YYYY-MM-DD").endParam()
                    .to("direct:api-dashboard")
                .get("/sending").to("direct:api-sending")
                .post("/sending/resume").to("direct:api-sending-resume");

        from("direct:api-conversations").routeId("api-conversations").routeConfigurationId("api-errors")
                .bean(InboxService.class, "conversations");

        from("direct:api-operator-message").routeId("api-operator-message").routeConfigurationId("api-errors")
                .setProperty(ConsoleActions.OUTBOX_ID, method(ConsoleActions.class, "outboxId"))
                .setBody(method(ConsoleActions.class, "write")).id("store-and-pause")
                .filter(body().isNotNull())
                    .to("direct:reply-publish")
                .end()
                .setBody(method(ConsoleActions.class, "written"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202));

        from("direct:api-needs-human-done").routeId("api-needs-human-done").routeConfigurationId("api-errors")
                .filter(method(ConsoleActions.class, "needsHumanDone"))
                    .bean(ContactsService.class, "contact")
                .end()
                .to("direct:api-not-found");

        from("direct:api-contact-reclassify").routeId("api-contact-reclassify").routeConfigurationId("api-errors")
                .setBody(method(ConversationStore.class, "loadTurn(${header.phone})"))
                .setProperty(TurnExchange.TURN, method(ConsoleActions.class, "toReclassify"))
                .removeHeaders("CamelHttp*")
                .to("direct:moderation-classify")
                .bean(ContactsService.class, "contact");

        from("direct:api-follow-up-cancel").routeId("api-follow-up-cancel").routeConfigurationId("api-errors")
                .bean(ConsoleActions.class, "cancelFollowUp");

        from("direct:api-call-outcome").routeId("api-call-outcome").routeConfigurationId("api-errors")
                .bean(ConsoleActions.class, "callOutcome");

        from("direct:api-dashboard").routeId("api-dashboard").routeConfigurationId("api-errors")
                .bean(DashboardService.class, "dashboard");

        from("direct:api-sending").routeId("api-sending").routeConfigurationId("api-errors")
                .bean(GatewaySending.class, "status");

        from("direct:api-sending-resume").routeId("api-sending-resume").routeConfigurationId("api-errors")
                .bean(GatewaySending.class, "resume");
    }
}
