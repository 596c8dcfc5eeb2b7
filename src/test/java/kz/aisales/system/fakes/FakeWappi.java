package kz.aisales.system.fakes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Wappi.pro as ../shared/contracts/wappi.md describes it, with state: chats fill with customer
 * messages, what the system sends shows up in the chat as {@code fromMe} echoes, and every send is
 * recorded with its time. Send failures can be injected at a given rate, their kinds in turn: 500, 429, a hang,
 * and a hang after Wappi took the message (it is in the chat, the answer is late), as a real timeout may be.
 */
public final class FakeWappi extends FakeHttpServer {

    public record Sent(Instant at, String recipient, String body, String replyTo) {
    }

    /** The injected send failures, taken in turn. */
    private static final List<String> FAILURE_KINDS = List.of("500", "429", "timeout", "timeout after delivery");

    private record Message(String id, String chatId, String type, boolean fromMe, boolean fromApi, long time,
            Object body, String senderName) {
    }

    private final String token;
    private final Map<String, List<Message>> chats = new LinkedHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Instant> sendCalls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> sendFailures = new ConcurrentHashMap<>();
    private final AtomicInteger failureTurn = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong clock = new AtomicLong(Instant.now().getEpochSecond());
    private final AtomicLong sendCallCount = new AtomicLong();
    private volatile double sendFailureRate;
    private volatile long hangMillis = 15_000;

    public FakeWappi(String token) throws IOException {
        this.token = token;
    }

    /** A customer writes a text; returns the Wappi message id. */
    public String customerWrites(String phone, String name, String text) {
        return add(phone, name, "chat", false, false, text);
    }

    /** A customer records a voice note (OGG); returns the Wappi message id. */
    public String customerSendsVoice(String phone, String name) {
        return add(phone, name, "ptt", false, false,
                Map.of("mimetype", "audio/ogg; codecs=opus", "url", baseUri() + "/media/voice.ogg", "fileLength", 4));
    }

    /** A customer sends anything: any Wappi type, a text, a JSON-object media body, or null; returns the id. */
    public String customerSends(String phone, String name, String type, Object body) {
        return add(phone, name, type, false, false, body);
    }

    /** Someone at the business types on the phone (fromMe, not through the API). */
    public String operatorWrites(String phone, String text) {
        return add(phone, null, "chat", true, false, text);
    }

    private synchronized String add(String phone, String name, String type, boolean fromMe, boolean fromApi, Object body) {
        String id = "3EB0" + String.format("%016X", ids.incrementAndGet());
        String chatId = phone + "@c.us";
        if (name != null) {
            names.put(chatId, name);
        }
        chats.computeIfAbsent(chatId, k -> new ArrayList<>())
                .add(new Message(id, chatId, type, fromMe, fromApi, clock.incrementAndGet(), body, fromMe ? "Бизнес" : name));
        return id;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** When each send or reply call arrived, whatever its outcome. */
    public List<Instant> sendCalls() {
        return List.copyOf(sendCalls);
    }

    /** Injected send failures by kind: {@code 500}, {@code 429}, {@code timeout}, {@code timeout after delivery}. */
    public Map<String, Integer> sendFailures() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sendFailures.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    public List<Sent> sentTo(String phone) {
        return sent.stream().filter(s -> s.recipient().equals(phone)).toList();
    }

    /** Calls per API path (e.g. {@code /api/sync/chats/get}) since the start or the last reset. */
    public Map<String, Integer> calls() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        calls.forEach((path, count) -> counts.put(path, count.get()));
        return counts;
    }

    public void resetCalls() {
        calls.clear();
    }

    /** This share of send calls fails (500, 429, a hang for {@code hangMillis}, a hang after delivery, in turn). */
    public void failSends(double rate, long hangMillis) {
        this.sendFailureRate = rate;
        this.hangMillis = hangMillis;
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/media/")) {
            respondBytes(exchange, "audio/ogg", "OggS".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("status", "error", "detail", "Unauthorized"));
            return;
        }
        Map<String, String> query = query(exchange);
        switch (path) {
            case "/api/sync/chats/get" -> respond(exchange, 200, chats(query));
            case "/api/sync/messages/get" -> respond(exchange, 200, messages(query));
            case "/api/sync/message/send", "/api/sync/message/reply" -> send(exchange, path);
            case "/api/sync/message/mark/read" -> respond(exchange, 200, done(Map.of()));
            case "/api/sync/message/media/download" -> respond(exchange, 200, done(Map.of(
                    "file_link", baseUri() + "/media/" + query.get("message_id") + ".ogg",
                    "mime_type", "audio/ogg; codecs=opus", "file_name", "voice.ogg", "media_type", "ptt")));
            case "/api/sync/get/status" -> respond(exchange, 200, done(Map.of("authorized", true, "phone", "77000000000")));
            default -> respond(exchange, 404, Map.of("status", "error", "detail", "unknown path " + path));
        }
    }

    private synchronized Map<String, Object> chats(Map<String, String> query) {
        List<Map<String, Object>> dialogs = new ArrayList<>();
        chats.forEach((chatId, messages) -> {
            Message last = messages.get(messages.size() - 1);
            int unread = 0;
            for (int i = messages.size() - 1; i >= 0 && !messages.get(i).fromMe(); i--) {
                unread++;
            }
            String name = names.getOrDefault(chatId, "");
            Map<String, Object> dialog = new LinkedHashMap<>();
            dialog.put("id", chatId);
            dialog.put("contact", Map.of("Found", true, "FirstName", name, "FullName", name, "PushName", name, "BusinessName", ""));
            dialog.put("isGroup", chatId.endsWith("@g.us"));
            dialog.put("unread_count", unread);
            dialog.put("last_message_id", last.id());
            dialog.put("last_time", last.time());
            dialog.put("last_timestamp", Instant.ofEpochSecond(last.time()).atOffset(ZoneOffset.ofHours(5)).toString());
            dialog.put("last_message_type", last.type());
            dialogs.add(dialog);
        });
        dialogs.sort(Comparator.comparingLong((Map<String, Object> d) -> (Long) d.get("last_time")).reversed());
        return done(Map.of("dialogs", page(dialogs, query, 1000), "total_count", dialogs.size()));
    }

    private synchronized Map<String, Object> messages(Map<String, String> query) {
        List<Message> messages = new ArrayList<>(chats.getOrDefault(normalise(query.get("chat_id")), List.of()));
        if (!"asc".equals(query.get("order"))) {
            java.util.Collections.reverse(messages);
        }
        List<Map<String, Object>> page = new ArrayList<>();
        for (Message message : page(messages, query, 100)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", message.id());
            m.put("type", message.type());
            m.put("from", message.fromMe() ? "77000000000@c.us" : message.chatId());
            m.put("to", message.fromMe() ? message.chatId() : "77000000000@c.us");
            m.put("fromMe", message.fromMe());
            m.put("senderName", message.senderName());
            m.put("time", message.time());
            m.put("body", message.body());
            m.put("chatId", message.chatId());
            m.put("isForwarded", false);
            m.put("isReply", false);
            m.put("caption", "");
            m.put("isRead", false);
            m.put("delivery_status", "delivered");
            m.put("s3Info", Map.of());
            m.put("isEdited", false);
            m.put("isFromAPI", message.fromApi());
            m.put("isDeleted", false);
            page.add(m);
        }
        return done(Map.of("messages", page, "total_count", messages.size()));
    }

    private void send(HttpExchange exchange, String path) throws IOException {
        sendCalls.add(Instant.now());
        JsonNode request = JSON.readTree(body(exchange));
        long call = sendCallCount.getAndIncrement();
        long perMille = Math.round(sendFailureRate * 1000);
        // exactly this share of calls fails, spread evenly: call n fails when the running share crosses a whole call
        if ((call + 1) * perMille / 1000 > call * perMille / 1000) {
            String kind = FAILURE_KINDS.get(failureTurn.getAndIncrement() % FAILURE_KINDS.size());
            sendFailures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            switch (kind) {
                case "500" -> respond(exchange, 500, Map.of("status", "error", "detail", "Internal Server Error"));
                case "429" -> respond(exchange, 429, Map.of("status", "error", "detail", "Too Many Requests"));
                default -> {
                    boolean delivered = kind.equals("timeout after delivery");
                    Map<String, Object> late = delivered
                            ? deliver(request, path)
                            : Map.of("status", "error", "detail", "Gateway Timeout");
                    try {
                        Thread.sleep(hangMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    respond(exchange, delivered ? 200 : 504, late);
                }
            }
            return;
        }
        respond(exchange, 200, deliver(request, path));
    }

    /** The message reaches the chat; returns Wappi's answer. */
    private Map<String, Object> deliver(JsonNode request, String path) {
        String recipient;
        String replyTo = null;
        if (path.endsWith("/reply")) {
            replyTo = request.path("message_id").asText();
            recipient = chatOf(replyTo);
        } else {
            recipient = normalise(request.path("recipient").asText()).replace("@c.us", "");
        }
        String id = add(recipient, null, "chat", true, true, request.path("body").asText());
        sent.add(new Sent(Instant.now(), recipient, request.path("body").asText(), replyTo));
        return done(Map.of("message_id", id, "task_id", java.util.UUID.randomUUID().toString()));
    }

    private synchronized String chatOf(String messageId) {
        for (var entry : chats.entrySet()) {
            for (Message message : entry.getValue()) {
                if (message.id().equals(messageId)) {
                    return entry.getKey().replace("@c.us", "");
                }
            }
        }
        return "unknown";
    }

    private static String normalise(String chat) {
        if (chat == null) {
            return "";
        }
        return chat.contains("@") ? chat : chat.replaceAll("\\D", "") + "@c.us";
    }

    private static <T> List<T> page(List<T> items, Map<String, String> query, int defaultLimit) {
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(defaultLimit)));
        if (offset >= items.size()) {
            return List.of();
        }
        return items.subList(offset, Math.min(items.size(), offset + limit));
    }

    private Map<String, Object> done(Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "done");
        response.put("timestamp", Instant.now().getEpochSecond());
        response.putAll(fields);
        return response;
    }
}
