package kz.aisales.gateway.polling;

import java.util.Map;
import java.util.UUID;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.WappiStub;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incoming filter as a route: a {@link MockEndpoint} woven in just before the router (which still runs) counts what
 * the filter lets through, and holds the count for a while, so "only this one, and once" is what is checked.
 */
class IncomingRoutesMockIT extends GatewayTestSupport {

    /** The (shared, cached) context the mock was woven into, so it is woven once. */
    private static CamelContext advised;

    private MockEndpoint forwarded;

    @BeforeEach
    void weaveTheMock() throws Exception {
        if (advised != camel) {
            AdviceWith.adviceWith(camel, "wappi-message", route -> route.weaveByToUri("direct:wappi-message-route").before()
                    .to("mock:forwarded").id("forwarded-mock"));
            advised = camel;
        }
        forwarded = camel.getEndpoint("mock:forwarded", MockEndpoint.class);
        forwarded.reset();
    }

    @Test
    void ofAGroupAWhitelistedNumberAndACustomerOnlyTheCustomerIsForwardedAndOnlyOnce() throws Exception {
        String owner = newChat();
        http.postForEntity("/whitelist", asOperator(Map.of("phone_number", owner.replace("@c.us", ""), "description", "test")),
                Map.class);
        String customer = "C" + UUID.randomUUID();
        forwarded.expectedHeaderValuesReceivedInAnyOrder("correlation_id", customer);
        forwarded.setAssertPeriod(2_000);

        wappi.add(WappiStub.text("G" + UUID.randomUUID(), "120363" + System.nanoTime() + "@g.us", now(), "group chatter"),
                WappiStub.text("W" + UUID.randomUUID(), owner, now() + 1, "owner's note"),
                WappiStub.text(customer, newChat(), now() + 2, "Сколько стоит курс?"));

        forwarded.assertIsSatisfied(20_000);
    }
}
