package kz.aisales.gateway.api;

import kz.aisales.gateway.voice.MediaStore;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * {@code GET /media/{message_id}} (admin key): an image or a document kept for the agent because it was too large for
 * its queue message.
 */
@Component
public class MediaFileRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest(MediaStore.PATH.substring(0, MediaStore.PATH.length() - 1)).get("/{message_id}").bindingMode(RestBindingMode.off)
                .produces("image/jpeg,image/png,image/webp,application/pdf,text/plain,application/octet-stream")
                .to("direct:media-file");

        from("direct:media-file").routeId("media-file").bean(MediaFileAnswers.class, "answer").id("media-file-answer");
    }
}
