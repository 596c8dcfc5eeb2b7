package kz.aisales.gateway.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.sending.OwnMessages;
import kz.aisales.gateway.sending.SendingPause;
import kz.aisales.gateway.wappi.WappiClient;
import kz.aisales.gateway.webhook.WebhookRegistration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code GET /wappi/check}: a read-only probe of the configured Wappi profile that answers, for each reading of Wappi
 * the gateway depends on and the vendor does not confirm (../shared/contracts/wappi.md), what this profile shows and
 * what the gateway does about it. It reads the profile status, the chat list (with POST and with GET), the newest
 * chats' latest messages and, when one is at hand, a media message's download answer (not the file). It never sends,
 * never marks anything read. The same summary is logged once at start.
 */
@Component
public class WappiSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WappiSelfCheck.class);
    private static final List<String> MARKERS = List.of("last_message_id", "last_time", "unread_count", "isGroup");
    private static final List<String> MESSAGE_FIELDS = List.of("id", "time", "fromMe", "isFromAPI", "type", "body");
    private static final Set<String> MEDIA = Set.of("ptt", "audio", "image", "video", "document");
    private static final int CHATS = 5;
    private static final int MESSAGES = 10;

    private final WappiProperties wappi;
    private final WappiClient client;
    private final OwnMessages ownMessages;
    private final WebhookRegistration webhook;
    private final SendingPause pause;

    public WappiSelfCheck(WappiProperties wappi, WappiClient client, OwnMessages ownMessages, WebhookRegistration webhook,
            SendingPause pause) {
        this.wappi = wappi;
        this.client = client;
        this.ownMessages = ownMessages;
        this.webhook = webhook;
        this.pause = pause;
    }

    public Map<String, Object> run() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("profile_id", wappi.profileId());
        if (!wappi.configured()) {
            report.put("configured", finding(false,
                    "WAPPI_TOKEN and WAPPI_PROFILE_ID are not both set: polling and sending stay idle"));
            return report;
        }
        report.put("profile", probe(this::profile));
        List<JsonNode> dialogs = new ArrayList<>();
        report.put("chats_get", probe(() -> chatsGet(dialogs)));
        report.put("dialog_fields", probe(() -> dialogFields(dialogs)));
        List<JsonNode> newest = new ArrayList<>();
        report.put("activity_order", probe(() -> activityOrder(dialogs, newest)));
        report.put("message_fields", probe(() -> messageFields(newest)));
        report.put("own_messages", probe(() -> ownMessages(newest)));
        report.put("media_download", probe(() -> mediaDownload(newest)));
        report.put("webhook", finding(webhook.state(), webhook.registered()
                ? "messages arrive by webhook; polling reconciles what a webhook missed"
                : "polling is the ingress (see README, \"Connecting your Wappi number\")"));
        report.put("sending", finding(pause.current().map(p -> (Object) Map.of("paused_since", p.since().toString(),
                "reason", p.reason())).orElse("active"), pause.active()
                ? "follow-ups wait in their queue until an operator resumes (console, or POST /wappi/sending/resume);"
                        + " replies still go"
                : "sends at most SEND_RATE_LIMIT messages per SEND_RATE_PERIOD_SECONDS"));
        return report;
    }

    /** Runs the check once at start and logs one line per reading. */
    public void logAtStart() {
        run().forEach((reading, result) -> LOG.info("Wappi self-check {}: {}", reading, result));
    }

    private Map<String, Object> profile() {
        JsonNode status = client.profileStatus();
        boolean authorized = status.path("authorized").asBoolean(false);
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("authorized", authorized);
        found.put("phone", status.path("phone").asText(""));
        found.put("platform", status.path("platform").asText(""));
        return finding(found, authorized ? "reads and sends through this profile"
                : "the profile is not authorized: link the phone in Wappi's dashboard; nothing is read or sent until then");
    }

    private Map<String, Object> chatsGet(List<JsonNode> dialogs) {
        Map<String, Object> found = new LinkedHashMap<>();
        boolean post = tryChats("POST", found, dialogs);
        boolean get = tryChats("GET", found, post ? new ArrayList<>() : dialogs);
        String does = post ? "calls chats/get with POST, as the vendor documents"
                : get ? "falls back to GET (POST was refused)"
                : "cannot list chats: polling finds nothing, only the webhook brings messages";
        found.put("in_use", client.chatsMethod());
        return finding(found, does);
    }

    private boolean tryChats(String method, Map<String, Object> found, List<JsonNode> dialogs) {
        try {
            client.chatsWith(method, CHATS).path("dialogs").forEach(dialogs::add);
            found.put(method, "accepted");
            return true;
        } catch (RuntimeException e) {
            found.put(method, "refused: " + PartnerFailures.reason(e));
            return false;
        }
    }

    private Map<String, Object> dialogFields(List<JsonNode> dialogs) {
        Set<String> fields = new LinkedHashSet<>();
        dialogs.forEach(dialog -> dialog.fieldNames().forEachRemaining(fields::add));
        List<String> markers = MARKERS.stream().filter(fields::contains).toList();
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("dialogs_read", dialogs.size());
        found.put("fields", List.copyOf(fields));
        found.put("change_markers", markers);
        boolean usable = markers.contains("last_message_id") || markers.contains("last_time");
        return finding(found, dialogs.isEmpty() ? "no chats yet: nothing to read"
                : usable ? "finds changed chats by " + (markers.contains("last_message_id") ? "last_message_id" : "last_time")
                        + ": 1 call per idle poll"
                : "no change markers: finds changed chats by the list's activity order plus one read of the newest"
                        + " chat: 2 calls per idle poll");
    }

    /** Reads the newest message of the first chats: their times must fall down the list for order-based detection. */
    private Map<String, Object> activityOrder(List<JsonNode> dialogs, List<JsonNode> newest) {
        List<Long> times = new ArrayList<>();
        for (JsonNode dialog : dialogs.stream().filter(d -> !d.path("id").asText().endsWith("@g.us")).limit(3).toList()) {
            JsonNode messages = client.messages(dialog.path("id").asText(), MESSAGES, 0).path("messages");
            if (newest.isEmpty()) {
                messages.forEach(newest::add);
            }
            times.add(messages.path(0).path("time").asLong(0));
        }
        boolean ordered = true;
        for (int i = 1; i < times.size(); i++) {
            ordered &= times.get(i - 1) >= times.get(i);
        }
        List<String> shown = times.stream().map(t -> Instant.ofEpochSecond(t).toString()).toList();
        return finding(Map.of("newest_message_times", shown, "ordered_by_activity", ordered), ordered
                ? "relies on the list's order only when dialogs carry no change markers"
                : "the list is NOT ordered by newest activity: without change markers polling can miss messages;"
                        + " register the webhook (WAPPI_WEBHOOK_URL)");
    }

    private Map<String, Object> messageFields(List<JsonNode> messages) {
        if (messages.isEmpty()) {
            return finding("no message at hand", "nothing to check yet: write to the number and run the check again");
        }
        JsonNode message = messages.get(0);
        Map<String, Object> found = new LinkedHashMap<>();
        for (String field : MESSAGE_FIELDS) {
            found.put(field, message.has(field) ? message.get(field).getNodeType().toString().toLowerCase() : "absent");
        }
        boolean usable = message.hasNonNull("id") && message.hasNonNull("time");
        return finding(found, usable ? "de-duplicates by id, orders by time; isFromAPI is recorded, never trusted alone"
                : "messages without id or time cannot be de-duplicated or ordered: report this to the developers");
    }

    /** What Wappi says about our own sends among the messages read: isFromAPI, and whether the ids agree. */
    private Map<String, Object> ownMessages(List<JsonNode> messages) {
        Map<String, Object> found = new LinkedHashMap<>();
        List<String> isFromApi = new ArrayList<>();
        for (JsonNode message : messages) {
            if (message.path("fromMe").asBoolean(false) && ownMessages.knownId(message.path("id").asText(null))) {
                isFromApi.add(message.has("isFromAPI") ? message.path("isFromAPI").asText() : "absent");
            }
        }
        found.put("our_sends_in_newest_chat", isFromApi.size());
        found.put("their_isFromAPI", isFromApi);
        found.putAll(ownMessages.echoIdAgreement());
        return finding(found, "tells our own messages by the ids our sends returned (or their text within "
                + wappi.echoWindowMinutes() + " min); any other message from the business is a person typing,"
                + " and pauses the bot for that customer");
    }

    private Map<String, Object> mediaDownload(List<JsonNode> messages) {
        JsonNode media = messages.stream().filter(m -> MEDIA.contains(m.path("type").asText())).findFirst().orElse(null);
        if (media == null) {
            return finding("no media message at hand", "send a voice note to the number and run the check again");
        }
        JsonNode answer = client.mediaDownload(media.path("id").asText());
        Set<String> fields = new LinkedHashSet<>();
        answer.fieldNames().forEachRemaining(fields::add);
        boolean link = answer.path("file_link").isTextual();
        boolean inline = answer.path("file_b64").isTextual();
        return finding(Map.of("type", media.path("type").asText(), "fields", List.copyOf(fields)), link
                ? "downloads media from file_link" : inline ? "reads media from file_b64"
                : "neither file_link nor file_b64: voice notes reach the agent untranscribed");
    }

    private static Map<String, Object> probe(Supplier<Map<String, Object>> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return finding("failed: " + PartnerFailures.reason(e), "cannot tell; the gateway keeps its defaults");
        }
    }

    private static Map<String, Object> finding(Object found, String does) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("found", found);
        finding.put("gateway_does", does);
        return finding;
    }
}
