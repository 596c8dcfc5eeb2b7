package kz.aisales.gateway.polling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.queues.IncomingMessage;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.springframework.stereotype.Component;

/**
 * Maps a Wappi message to the queue format. Text keeps its body; a voice note goes to transcription
 * with an empty text; an image or a document goes to have its file attached, with a placeholder such as
 * {@code [image]} plus its caption (and a document's file name) as text; any other type gets the placeholder only.
 * Media bodies are JSON objects (url, mimetype, caption, ...), text bodies are strings: both are read.
 */
@Component
public class WappiMessageMapper {

    private static final Set<String> VOICE_TYPES = Set.of("ptt", "audio");
    private static final Set<String> ATTACHED_TYPES = Set.of("image", "document");
    private static final String[] CONTACT_FIELDS = {"FirstName", "FullName", "PushName", "BusinessName"};

    public boolean isVoice(PolledMessage polled) {
        return VOICE_TYPES.contains(polled.type());
    }

    /** An image or a document: its file is fetched and attached before the message goes on. */
    public boolean isAttached(PolledMessage polled) {
        return ATTACHED_TYPES.contains(polled.type());
    }

    public IncomingMessage toAttachmentRequest(PolledMessage polled) {
        return message(polled, text(polled), false, mediaUrl(polled.message()), null);
    }

    public IncomingMessage toIncoming(PolledMessage polled) {
        return message(polled, text(polled), false, null, null);
    }

    /** A message a person at the business typed to the customer: reported to the agent, never answered. */
    public IncomingMessage toOperatorEvent(PolledMessage polled) {
        return message(polled, text(polled), false, null, IncomingMessage.OPERATOR_MESSAGE);
    }

    public IncomingMessage toVoiceRequest(PolledMessage polled) {
        return message(polled, "", true, mediaUrl(polled.message()), null);
    }

    private IncomingMessage message(PolledMessage polled, String text, boolean voice, String voiceUrl, String event) {
        JsonNode message = polled.message();
        return new IncomingMessage(
                polled.id(),
                polled.chatId(),
                PhoneNumbers.normalize(polled.chatId()),
                senderName(message, polled.contact()),
                text,
                polled.type(),
                voice,
                null,
                Instant.ofEpochSecond(polled.time()).atOffset(ZoneOffset.UTC).toString(),
                contactInfo(polled.contact()),
                voiceUrl,
                event,
                null,
                null);
    }

    private static String text(PolledMessage polled) {
        JsonNode body = polled.message().path("body");
        if ("chat".equals(polled.type())) {
            return body.isTextual() ? body.asText() : body.toString();
        }
        String fileName = body.path("fileName").asText(body.path("file_name").asText("")).strip();
        String placeholder = "[" + polled.type().toLowerCase(Locale.ROOT) + (fileName.isEmpty() ? "" : ": " + fileName) + "]";
        String caption = caption(polled.message());
        return caption.isEmpty() ? placeholder : placeholder + " " + caption;
    }

    private static String caption(JsonNode message) {
        String caption = message.path("caption").asText("");
        if (caption.isBlank() && message.path("body").isObject()) {
            caption = message.path("body").path("caption").asText("");
        }
        return caption.trim();
    }

    private static String mediaUrl(JsonNode message) {
        for (JsonNode candidate : new JsonNode[] {message.path("body").path("url"), message.path("s3Info").path("url"),
                message.path("file_link")}) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static String senderName(JsonNode message, JsonNode contact) {
        String name = message.path("senderName").asText("");
        if (name.isBlank()) {
            name = contact.path("FullName").asText("");
        }
        if (name.isBlank()) {
            name = contact.path("PushName").asText("");
        }
        return name.isBlank() ? null : name;
    }

    private static Map<String, Object> contactInfo(JsonNode contact) {
        Map<String, Object> info = new LinkedHashMap<>();
        for (String field : CONTACT_FIELDS) {
            info.put(field, contact.path(field).asText(""));
        }
        return info;
    }
}
