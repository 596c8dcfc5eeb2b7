package kz.aisales.gateway.voice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.gateway.queues.IncomingMessage;
import kz.aisales.gateway.wappi.WappiRequests;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns Wappi's {@code message/media/download} answer into the file: {@code file_b64} inline, or a
 * {@code file_link} fetched over HTTP from where {@link MediaLinks} allows, read as a stream that stops one byte past
 * the limit (a link to 200 MB costs the heap that limit, not 200 MB). The limit is the inline audio limit for a voice
 * note and the larger of the inline and the stored limits for an image or a document; a file over it is refused with a
 * clear reason.
 */
@Component
public class MediaDownloads {

    /** Exchange property holding Wappi's download answer while the link is fetched. */
    public static final String MEDIA = "voiceMedia";

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloads.class);

    private final VoiceProperties voice;
    private final MediaLinks links;

    public MediaDownloads(VoiceProperties voice, MediaLinks links) {
        this.voice = voice;
        this.links = links;
    }

    /** Prepares the Wappi download call for the message whose media is fetched. */
    public void request(Exchange exchange) {
        IncomingMessage message = message(exchange);
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(WappiRequests.QUERY, Map.of("message_id", message.messageId()));
    }

    public boolean inline(JsonNode media) {
        return media.path("file_b64").isTextual() && !media.path("file_b64").asText().isBlank();
    }

    public MediaFile fromInline(JsonNode media, @ExchangeProperty(TranscriptionFailures.VOICE_MESSAGE) IncomingMessage message) {
        byte[] data = Base64.getMimeDecoder().decode(media.path("file_b64").asText());
        return file(data, media, message);
    }

    /** Points the next HTTP call at the temporary link (it replaces the endpoint's URI and query). */
    public void prepareLink(JsonNode media, Exchange exchange) {
        String link = media.path("file_link").asText("");
        if (link.isBlank()) {
            throw new IllegalStateException("Wappi gave neither file_link nor file_b64 for the " + what(message(exchange)));
        }
        String host = links.check(link);
        LOG.info("Media of {} downloaded from {}", message(exchange).messageId(), host);
        URI uri = URI.create(link.strip());
        Message message = exchange.getMessage();
        message.removeHeaders("CamelHttp*");
        message.setHeader(Exchange.HTTP_URI, link.strip());
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        if (uri.getRawQuery() != null) {
            message.setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
        }
        message.setBody(null);
    }

    /**
     * Reads the link's body, at most one byte past the limit. A longer body is abandoned: the HTTP client's stream is
     * aborted, since closing it would read the rest to keep the connection. The spent stream leaves the message, so
     * nothing after (the error handler included) reads it again.
     */
    public MediaFile fromLink(@Body InputStream body, @ExchangeProperty(MEDIA) JsonNode media,
            @ExchangeProperty(TranscriptionFailures.VOICE_MESSAGE) IncomingMessage incoming, Message message) throws IOException {
        message.setBody(null);
        long limit = limit(incoming);
        try (InputStream file = body) {
            byte[] data = file.readNBytes((int) limit + 1);
            if (data.length > limit) {
                if (file instanceof EofSensorInputStream connection) {
                    connection.abort();
                }
                throw new MediaTooLargeException("the linked " + what(incoming) + " is larger than " + limitName(incoming) + " of "
                        + limit + " bytes");
            }
            return file(data, media, incoming);
        }
    }

    private MediaFile file(byte[] data, JsonNode media, IncomingMessage message) {
        if (data.length > limit(message)) {
            throw new MediaTooLargeException(what(message) + " of " + data.length + " bytes is larger than " + limitName(message) + " of "
                    + limit(message) + " bytes");
        }
        // when Wappi names no type: WhatsApp sends voice notes as OGG/Opus and photos as JPEG (contracts/wappi.md)
        String fallback = message.voice() ? "audio/ogg" : "image".equals(message.messageType()) ? "image/jpeg" : "application/octet-stream";
        String mime = media.path("mime_type").asText(media.path("mimetype").asText(fallback));
        int parameters = mime.indexOf(';');
        mime = (parameters >= 0 ? mime.substring(0, parameters) : mime).trim().toLowerCase(Locale.ROOT);
        return new MediaFile(data, mime.isEmpty() ? fallback : mime, media.path("file_name").asText(null));
    }

    private long limit(IncomingMessage message) {
        return message.voice() ? voice.maxInlineBytes() : voice.maxMediaBytes();
    }

    private static String limitName(IncomingMessage message) {
        return message.voice() ? "the inline limit" : "the limit";
    }

    private static String what(IncomingMessage message) {
        return message.voice() ? "voice note" : message.messageType();
    }

    private static IncomingMessage message(Exchange exchange) {
        return exchange.getProperty(TranscriptionFailures.VOICE_MESSAGE, IncomingMessage.class);
    }
}
