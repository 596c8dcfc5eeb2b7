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
 * Turns Wappi's {@code message/media/download} answer into audio: {@code file_b64} inline, or a
 * {@code file_link} fetched over HTTP from where {@link MediaLinks} allows, read as a stream that stops one byte past
 * the inline limit (a link to 200 MB costs the heap that limit, not 200 MB). Audio over the limit is refused with a
 * clear reason.
 */
@Component
public class AudioDownloads {

    /** Exchange property holding Wappi's download answer while the link is fetched. */
    public static final String MEDIA = "voiceMedia";

    private static final Logger LOG = LoggerFactory.getLogger(AudioDownloads.class);

    private final VoiceProperties voice;
    private final MediaLinks links;

    public AudioDownloads(VoiceProperties voice, MediaLinks links) {
        this.voice = voice;
        this.links = links;
    }

    /** Prepares the Wappi download call for the voice message being transcribed. */
    public void request(Exchange exchange) {
        IncomingMessage message = exchange.getProperty(TranscriptionFailures.VOICE_MESSAGE, IncomingMessage.class);
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(WappiRequests.QUERY, Map.of("message_id", message.messageId()));
    }

    public boolean inline(JsonNode media) {
        return media.path("file_b64").isTextual() && !media.path("file_b64").asText().isBlank();
    }

    public AudioClip fromInline(JsonNode media) {
        byte[] data = Base64.getMimeDecoder().decode(media.path("file_b64").asText());
        return clip(data, media);
    }

    /** Points the next HTTP call at the temporary link (it replaces the endpoint's URI and query). */
    public void prepareLink(JsonNode media, Exchange exchange) {
        String link = media.path("file_link").asText("");
        if (link.isBlank()) {
            throw new GeminiException("Wappi gave neither file_link nor file_b64 for the voice note", false);
        }
        String host = links.check(link);
        LOG.info("Voice note downloaded from {}", host);
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
    public AudioClip fromLink(@Body InputStream body, @ExchangeProperty(MEDIA) JsonNode media, Message message)
            throws IOException {
        message.setBody(null);
        try (InputStream audio = body) {
            byte[] data = audio.readNBytes((int) voice.maxInlineBytes() + 1);
            if (data.length > voice.maxInlineBytes()) {
                if (audio instanceof EofSensorInputStream connection) {
                    connection.abort();
                }
                throw new AudioTooLargeException("the linked voice note is larger than the inline limit of "
                        + voice.maxInlineBytes() + " bytes");
            }
            return clip(data, media);
        }
    }

    private AudioClip clip(byte[] data, JsonNode media) {
        if (data.length > voice.maxInlineBytes()) {
            throw new AudioTooLargeException(data.length, voice.maxInlineBytes());
        }
        String mime = media.path("mime_type").asText(media.path("mimetype").asText("audio/ogg"));
        int parameters = mime.indexOf(';');
        mime = (parameters >= 0 ? mime.substring(0, parameters) : mime).trim().toLowerCase(Locale.ROOT);
        return new AudioClip(data, mime.isEmpty() ? "audio/ogg" : mime);
    }
}
