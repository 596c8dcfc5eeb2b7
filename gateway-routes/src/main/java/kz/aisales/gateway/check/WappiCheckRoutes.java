package kz.aisales.gateway.check;

import kz.aisales.gateway.sending.SendingPause;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code GET /wappi/check} (admin key): the self-check of the live Wappi profile, also logged once at start.
 * {@code GET /wappi/sending} (admin key): whether sending is paused after a ban signal, since when and why;
 * {@code POST /wappi/sending/resume} (admin key): lifts the pause.
 */
@Component
public class WappiCheckRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/wappi")
                .get("/check").produces("application/json").to("direct:wappi-check")
                .get("/sending").produces("application/json").to("direct:wappi-sending")
                .post("/sending/resume").produces("application/json").to("direct:wappi-sending-resume");

        from("direct:wappi-check").routeId("wappi-check").bean(WappiSelfCheck.class, "run");

        from("direct:wappi-sending").routeId("wappi-sending").bean(SendingPause.class, "status");

        from("direct:wappi-sending-resume").routeId("wappi-sending-resume")
                .bean(SendingPause.class, "resumeReport");

        from("timer:wappi-self-check?repeatCount=1&delay={{wappi.self-check-delay-ms:5000}}")
                .routeId("wappi-self-check-at-start").routeConfigurationId("poll-errors")
                .bean(WappiSelfCheck.class, "logAtStart");
    }
}
