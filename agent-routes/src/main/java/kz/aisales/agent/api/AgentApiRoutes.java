package kz.aisales.agent.api;

import java.util.Map;

import kz.aisales.agent.config.ApiProblem;
import kz.aisales.agent.followup.FollowUpStore;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * Operators' REST API, in the original system's shapes where it had the endpoint: stats, contacts, their
 * conversations (and the files customers sent in them) and classification, pausing and resuming the agent for a contact, scheduled calls, active and due
 * follow-ups.
 */
@Component
public class AgentApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().produces("application/json")
                .get("/stats").to("direct:api-stats")
                .get("/contacts").param().name("is_client").type(RestParamType.query)
                    .description("true, false or null").endParam()
                    .param().name("paused").type(RestParamType.query).description("true or false").endParam()
                    .to("direct:api-contacts")
                .get("/contacts/{phone}").to("direct:api-contact")
                .get("/contacts/{phone}/messages").to("direct:api-contact-messages")
                .get("/contacts/{phone}/messages/{id}/media").bindingMode(RestBindingMode.off)
                    .produces("image/jpeg,image/png,image/webp,application/pdf,text/plain,application/octet-stream")
                    .to("direct:api-contact-media")
                .put("/contacts/{phone}/classification").consumes("application/json").type(ClassificationChange.class)
                    .to("direct:api-contact-classification")
                .post("/contacts/{phone}/pause").param().name("hours").type(RestParamType.query)
                    .description("hours of silence, default OPERATOR_PAUSE_HOURS").endParam().to("direct:api-contact-pause")
                .post("/contacts/{phone}/resume").to("direct:api-contact-resume")
                .get("/scheduled-calls").param().name("status").type(RestParamType.query)
                    .description("scheduled (default: upcoming), done, no_show, cancelled or all").endParam()
                    .to("direct:api-scheduled-calls")
                .get("/follow-ups/active").to("direct:api-follow-ups-active")
                .get("/follow-ups/pending").to("direct:api-follow-ups-pending");

        from("direct:api-stats").routeId("api-stats").routeConfigurationId("api-errors").bean(ContactsService.class, "stats");
        from("direct:api-contacts").routeId("api-contacts").routeConfigurationId("api-errors").bean(ContactsService.class, "contacts");
        from("direct:api-contact").routeId("api-contact").routeConfigurationId("api-errors").bean(ContactsService.class, "contact").to("direct:api-not-found");
        from("direct:api-contact-messages").routeId("api-contact-messages").routeConfigurationId("api-errors").bean(ContactsService.class, "messages");
        from("direct:api-contact-media").routeId("api-contact-media").routeConfigurationId("api-errors")
                .setProperty(ApiProblem.UNBOUND, constant(true))
                .bean(MessageFiles.class, "answer");
        from("direct:api-contact-classification").routeId("api-contact-classification").routeConfigurationId("api-errors")
                .bean(ContactsService.class, "classify").to("direct:api-not-found");
        from("direct:api-contact-pause").routeId("api-contact-pause").routeConfigurationId("api-errors")
                .bean(ContactsService.class, "pause").to("direct:api-not-found");
        from("direct:api-contact-resume").routeId("api-contact-resume").routeConfigurationId("api-errors")
                .bean(ContactsService.class, "resume").to("direct:api-not-found");
        from("direct:api-scheduled-calls").routeId("api-scheduled-calls").routeConfigurationId("api-errors").bean(ContactsService.class, "scheduledCalls");
        from("direct:api-follow-ups-active").routeId("api-follow-ups-active").routeConfigurationId("api-errors")
                .bean(FollowUpStore.class, "active(false)").bean(Listing.class, "followUps");
        from("direct:api-follow-ups-pending").routeId("api-follow-ups-pending").routeConfigurationId("api-errors")
                .bean(FollowUpStore.class, "active(true)").bean(Listing.class, "followUps");

        from("direct:api-not-found").routeId("api-not-found").routeConfigurationId("api-errors")
                .filter(body().isNull())
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                    .setBody(constant(Map.of("error", "contact not found")));
    }
}
