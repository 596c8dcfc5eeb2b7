package kz.aisales.gateway.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.gateway.polling.PolledMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads Wappi's webhook bodies ({@code {"messages": [...]}}, a bare list, or a single object) and turns a pushed
 * message into the shape polling reads ({@link PolledMessage}), so both ingresses share one filter, router and
 * idempotent publish. The webhook's names differ from polling's ({@code is_me} for {@code fromMe}, {@code timestamp}
 * as a date string, {@code contact_name}); both spellings are read.
 */
@Component
public class WebhookEvents {

    static final String INCOMING = "incoming_message";
    static final String OUTGOING_API = "outgoing_message_api";
    static final String OUTGOING_PHONE = "outgoing_message_phone";
    static final String DELIVERY_STATUS = "delivery_status";
    private static final Set<String> MESSAGES = Set.of(INCOMING, OUTGOING_API, OUTGOING_PHONE);
    private static final int MAX_LOGGED_BODY = 300;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEvents.class);

    private final ObjectMapper json;

    public WebhookEvents(ObjectMapper json) {
        this.json = json;
    }

    public List<JsonNode> read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidWebhookException("empty webhook body");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidWebhookException("webhook body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode events = root.isObject() && root.has("messages") ? root.get("messages") : root;
        List<JsonNode> list = new ArrayList<>();
        if (events.isArray()) {
            events.forEach(list::add);
        } else if (events.isObject()) {
            list.add(events);
        }
        if (list.isEmpty() || list.stream().anyMatch(event -> !event.isObject())) {
            throw new InvalidWebhookException("webhook body is not a message, a list of messages or {\"messages\": [...]}: "
                    + abbreviate(body));
        }
        return list;
    }

    /** A pushed message (customer's, our echo, or typed on the phone): joins the polled path. */
    public boolean isMessage(JsonNode event) {
        String type = event.path("wh_type").asText("");
        return MESSAGES.contains(type) || type.isEmpty() && event.hasNonNull("id") && event.has("type");
    }

    public boolean isDeliveryStatus(JsonNode event) {
        return DELIVERY_STATUS.equals(event.path("wh_type").asText(""));
    }

    public PolledMessage toPolled(JsonNode event) {
        ObjectNode message = event.deepCopy();
        String type = event.path("wh_type").asText("");
        boolean fromMe = event.path("fromMe").asBoolean(false) || event.path("is_me").asBoolean(false)
                || OUTGOING_API.equals(type) || OUTGOING_PHONE.equals(type);
        message.put("fromMe", fromMe);
        message.put("time", time(event));
        if (!message.hasNonNull("type")) {
            message.put("type", "chat");
        }
        if (!event.hasNonNull("chatId") || event.path("chatId").asText().isBlank()) {
            message.put("chatId", event.path(fromMe ? "to" : "from").asText(""));
        }
        if ("group".equals(event.path("chat_type").asText("")) && !message.path("chatId").asText().endsWith("@g.us")) {
            message.put("isGroup", true);
        }
        ObjectNode contact = json.createObjectNode();
        String name = event.path("contact_name").asText("");
        contact.put("FirstName", "").put("FullName", name).put("PushName", fromMe ? "" : event.path("senderName").asText(""))
                .put("BusinessName", "");
        if (fromMe) {
            message.remove("senderName");
        }
        return new PolledMessage(message, contact);
    }

    public void ignored(JsonNode event) {
        LOG.info("Wappi webhook event '{}' ignored: not a message or a delivery status", event.path("wh_type").asText("?"));
    }

    public Map<String, Object> accepted(List<JsonNode> events) {
        return Map.of("status", "ok", "events", events.size());
    }

    /** Unix seconds: {@code time}, else the {@code timestamp} date string, else now. */
    private static long time(JsonNode event) {
        long time = event.path("time").asLong(0);
        if (time > 0) {
            return time;
        }
        try {
            return OffsetDateTime.parse(event.path("timestamp").asText("")).toEpochSecond();
        } catch (DateTimeParseException e) {
            return Instant.now().getEpochSecond();
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_LOGGED_BODY ? flat : flat.substring(0, MAX_LOGGED_BODY) + "...";
    }
}
