package kz.aisales.gateway.retention;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every {@code RETENTION_PRUNE_INTERVAL_MINUTES}: what is older than {@code RETENTION_DAYS} is deleted. */
@Component
public class RetentionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:retention-prune?delay={{retention.initial-delay-ms:60000}}&period={{retention.prune-interval-minutes}}m")
                .routeId("retention-prune").routeConfigurationId("poll-errors")
                .bean(Retention.class, "prune");
    }
}
