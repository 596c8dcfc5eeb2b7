package kz.aisales.agent.media;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every {@code MEDIA_PRUNE_INTERVAL_MINUTES}: the files customers sent longer ago than {@code MEDIA_RETENTION_DAYS} go. */
@Component
public class MediaRetentionRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:media-prune?delay={{media.initial-delay-ms:60000}}&period={{media.prune-interval-minutes}}m")
                .routeId("media-prune").routeConfigurationId("tick-errors")
                .bean(MediaRetention.class, "prune").id("media-prune-expired");
    }
}
