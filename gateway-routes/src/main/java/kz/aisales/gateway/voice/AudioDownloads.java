package kz.aisales.gateway.voice;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.VoiceProperties;
import kz.aisales.gateway.queues.IncomingMessage;
import kz.aisales.gateway.wappi.WappiRequests;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns Wappi's {@code message/media/download} answer into audio: {@code file_b64} inline, or a
 * {@code file_link} fetched over HTTP. Audio over the inline limit is refused with a clear reason.
 */
@Component
public class AudioDownloads {

    /** Exchange property holding Wappi's download answer while the link is fetched. */
    public static final String MEDIA = "voiceMedia";

    private final VoiceProperties voice;

    public AudioDownloads(VoiceProperties voice) {
        this.voice = voice;
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
        URI uri = URI.create(link);
        Message message = exchange.getMessage();
        message.removeHeaders("CamelHttp*");
        message.setHeader(Exchange.HTTP_URI, link);
        message.setHeader(Exchange.HTTP_METHOD, "GET");
        if (uri.getRawQuery() != null) {
            message.setHeader(Exchange.HTTP_QUERY, uri.getRawQuery());
        }
        message.setBody(null);
    }

    public AudioClip fromLink(byte[] data, @ExchangeProperty(MEDIA) JsonNode media) {
        return clip(data, media);
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
