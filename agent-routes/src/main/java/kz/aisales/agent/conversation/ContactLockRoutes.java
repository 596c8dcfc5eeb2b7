package kz.aisales.agent.conversation;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code contact-lock-heartbeat}: renews this instance's contact leases three times per lease period. */
@Component
public class ContactLockRoutes extends RouteBuilder {

    private final ConversationProperties conversation;

    public ContactLockRoutes(ConversationProperties conversation) {
        this.conversation = conversation;
    }

    @Override
    public void configure() {
        fromF("timer:contact-lock-heartbeat?period=%d", conversation.lockLease().toMillis() / 3)
                .routeId("contact-lock-heartbeat").routeConfigurationId("tick-errors")
                .bean(ContactLock.class, "renew");
    }
}
