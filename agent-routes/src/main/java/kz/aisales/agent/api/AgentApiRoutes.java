package kz.aisales.agent.api;

import java.util.Map;

import kz.aisales.agent.followup.FollowUpStore;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * Operators' REST API: stats, contacts, their conversations and classification, pausing and resuming the agent for
 * a contact, scheduled calls, active follow-ups.
 */
@Component
public class AgentApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        onException(IllegalArgumentException.class).handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setBody(simple("${exception.message}")).transform(method(AgentApiRoutes.class, "error"));

        rest().produces("application/json")
                .get("/stats").to("direct:api-stats")
                .get("/contacts").param().name("is_client").type(RestParamType.query)
                    .description("true, false or null").endParam()
                    .param().name("paused").type(RestParamType.query).description("true or false").endParam()
                    .to("direct:api-contacts")
                .get("/contacts/{phone}").to("direct:api-contact")
                .get("/contacts/{phone}/messages").to("direct:api-contact-messages")
                .put("/contacts/{phone}/classification").consumes("application/json").type(ClassificationChange.class)
                    .to("direct:api-contact-classification")
                .post("/contacts/{phone}/pause").param().name("hours").type(RestParamType.query)
                    .description("hours of silence, default OPERATOR_PAUSE_HOURS").endParam().to("direct:api-contact-pause")
                .post("/contacts/{phone}/resume").to("direct:api-contact-resume")
                .get("/scheduled-calls").to("direct:api-scheduled-calls")
                .get("/follow-ups/active").to("direct:api-follow-ups-active");

        from("direct:api-stats").routeId("api-stats").routeConfigurationId("propagate-errors").bean(ContactsService.class, "stats");
        from("direct:api-contacts").routeId("api-contacts").routeConfigurationId("propagate-errors").bean(ContactsService.class, "contacts");
        from("direct:api-contact").routeId("api-contact").routeConfigurationId("propagate-errors").bean(ContactsService.class, "contact").to("direct:api-not-found");
        from("direct:api-contact-messages").routeId("api-contact-messages").routeConfigurationId("propagate-errors").bean(ContactsService.class, "messages");
        from("direct:api-contact-classification").routeId("api-contact-classification").routeConfigurationId("propagate-errors")
                .bean(ContactsService.class, "classify").to("direct:api-not-found");
        from("direct:api-contact-pause").routeId("api-contact-pause").routeConfigurationId("propagate-errors")
                .bean(ContactsService.class, "pause").to("direct:api-not-found");
        from("direct:api-contact-resume").routeId("api-contact-resume").routeConfigurationId("propagate-errors")
                .bean(ContactsService.class, "resume").to("direct:api-not-found");
        from("direct:api-scheduled-calls").routeId("api-scheduled-calls").routeConfigurationId("propagate-errors").bean(ContactsService.class, "scheduledCalls");
        from("direct:api-follow-ups-active").routeId("api-follow-ups-active").routeConfigurationId("propagate-errors").bean(FollowUpStore.class, "active");

        from("direct:api-not-found").routeId("api-not-found").routeConfigurationId("propagate-errors")
                .filter(body().isNull())
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                    .setBody(constant(Map.of("error", "contact not found")));
    }

    public static Map<String, String> error(String message) {
        return Map.of("error", message);
    }
}
