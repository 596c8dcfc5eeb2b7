package kz.aisales.gateway.whitelist;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET/POST /whitelist}, {@code DELETE /whitelist/{phone}}: the owner's numbers the agent never answers. */
@Component
public class WhitelistRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/whitelist")
                .get().produces("application/json").to("direct:whitelist-list")
                .post().consumes("application/json").produces("application/json").type(WhitelistEntry.class)
                        .to("direct:whitelist-add")
                .delete("/{phone}").produces("application/json").to("direct:whitelist-remove");

        from("direct:whitelist-list").routeId("whitelist-list").bean(Whitelist.class, "list");
        from("direct:whitelist-add").routeId("whitelist-add").bean(WhitelistRequests.class, "add");
        from("direct:whitelist-remove").routeId("whitelist-remove").bean(WhitelistRequests.class, "remove");
    }
}
