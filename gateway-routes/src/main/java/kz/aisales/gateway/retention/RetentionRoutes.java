package kz.aisales.gateway.retention;

import kz.aisales.gateway.voice.MediaStore;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every {@code RETENTION_PRUNE_INTERVAL_MINUTES}: what is older than {@code RETENTION_DAYS} is deleted, and the files
 * kept for the agent older than {@code MEDIA_STORE_HOURS}.
 */
@Component
public class RetentionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:retention-prune?delay={{retention.initial-delay-ms:60000}}&period={{retention.prune-interval-minutes}}m")
                .routeId("retention-prune").routeConfigurationId("poll-errors")
                .bean(Retention.class, "prune")
                .bean(MediaStore.class, "prune").id("media-store-prune");
    }
}
