package kz.aisales.gateway.api;

import kz.aisales.gateway.voice.MediaFile;
import kz.aisales.gateway.voice.MediaStore;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** A kept file as its bytes and type; 404 (JSON) when none is kept for the message, or no longer. */
@Component
public class MediaFileAnswers {

    private final MediaStore store;

    public MediaFileAnswers(MediaStore store) {
        this.store = store;
    }

    public void answer(@Header("message_id") String messageId, Exchange exchange) {
        MediaFile file = store.find(messageId).orElse(null);
        if (file == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody("{\"error\":\"no file is kept for this message (MEDIA_STORE_HOURS)\"}");
            return;
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, file.mimeType());
        exchange.getMessage().setBody(file.data());
    }
}
