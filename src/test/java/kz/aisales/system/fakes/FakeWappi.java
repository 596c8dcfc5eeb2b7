package kz.aisales.system.fakes;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Wappi.pro as ../shared/contracts/wappi.md describes it, with state: chats fill with customer
 * messages, what the system sends shows up in the chat as {@code fromMe} echoes, and every send is
 * recorded with its time. Send failures can be injected at a given rate, their kinds in turn: 500, 429, a hang,
 * and a hang after Wappi took the message (it is in the chat, the answer is late), as a real timeout may be.
 *
 * <p>Readings the contract leaves unconfirmed can be switched, each default being the fake's first behaviour:
 * {@link #dialogMarkers(boolean)} (change markers on {@code chats/get} dialogs), {@link #echoFromApi(boolean)}
 * ({@code isFromAPI} on the echoes of the system's own sends), {@link #chatsGetPostOnly(boolean)} (GET on
 * {@code chats/get} answers 405). Webhooks: {@code /api/webhook/url/set} and {@code /api/webhook/types/set} are
 * recorded ({@link #webhookRegistration()}); with {@link #pushWebhooks(boolean)} on, every new message is also
 * POSTed, in webhook format, to the registered url, off the caller's thread, each push's HTTP status recorded
 * ({@link #webhookPushes()}).
 */
public final class FakeWappi extends FakeHttpServer {

    public record Sent(Instant at, String recipient, String body, String replyTo) {
    }

    /**
     * What the system registered: the {@code url} and {@code auth} of its last {@code webhook/url/set} (null until
     * then; auth null when not given), the types of its last {@code webhook/types/set} (null until then), and the
     * {@code profile_id} of the url call.
     */
    public record WebhookRegistration(String profileId, String url, String auth, List<String> types) {
    }

    /**
     * One webhook POST: the message it carried, its {@code wh_type}, the url it went to, and the HTTP status the
     * receiver answered (-1 when nothing answered or the url could not be called).
     */
    public record WebhookPush(Instant at, String messageId, String chatId, String whType, String url, int status) {
    }

    /** The injected send failures, taken in turn. */
    /** The webhook's {@code timestamp}, always with seconds, as in the contract's sample. */
    private static final java.time.format.DateTimeFormatter WEBHOOK_TIMESTAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final List<String> FAILURE_KINDS = List.of("500", "429", "timeout", "timeout after delivery");

    private record Message(String id, String chatId, String type, boolean fromMe, boolean fromApi, long time,
            Object body, String senderName) {
    }

    /** A file a customer sent (an image, a document), served by {@code message/media/download} as a link. */
    private record MediaFile(byte[] data, String mimeType, String fileName, String mediaType) {
    }

    private final String token;
    private final Map<String, List<Message>> chats = new LinkedHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, MediaFile> files = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Instant> sendCalls = new CopyOnWriteArrayList<>();
    private final List<Instant> typingCalls = new CopyOnWriteArrayList<>();
    private final List<Instant> markReadCalls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> sendFailures = new ConcurrentHashMap<>();
    private final AtomicInteger failureTurn = new AtomicInteger();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong clock = new AtomicLong(Instant.now().getEpochSecond());
    private final AtomicLong sendCallCount = new AtomicLong();
    private volatile double sendFailureRate;
    private volatile long hangMillis = 15_000;

    private final Map<String, AtomicInteger> methodCalls = new ConcurrentHashMap<>();
    /** Messages only ever pushed by webhook (never in a chat list): id to chat, so a reply quoting one finds its chat. */
    private final Map<String, String> webhookOnly = new ConcurrentHashMap<>();
    private final List<WebhookPush> pushes = new CopyOnWriteArrayList<>();
    private final ExecutorService pusher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-wappi-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient pushClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean dialogMarkers = true;
    private volatile boolean echoFromApi = true;
    private volatile boolean chatsGetPostOnly;
    private volatile boolean pushWebhooks;
    private volatile WebhookRegistration registration = new WebhookRegistration(null, null, null, null);

    public FakeWappi(String token) throws IOException {
        this.token = token;
    }

    /**
     * True (default): {@code chats/get} dialogs carry {@code isGroup}, {@code unread_count} and the {@code last_*}
     * markers. False: only {@code id}, {@code contact} and a {@code chat} object, as in the vendor's sample; the
     * list stays ordered by newest activity first.
     */
    /** The token the fake accepts ({@code Authorization}). */
    public String token() {
        return token;
    }

    public FakeWappi dialogMarkers(boolean on) {
        this.dialogMarkers = on;
        return this;
    }

    /** The {@code isFromAPI} of the echoes of the system's own sends: true by default, false as in the vendor's sample. */
    public FakeWappi echoFromApi(boolean value) {
        this.echoFromApi = value;
        return this;
    }

    /** True: {@code chats/get} by GET answers 405 (only POST, as the vendor documents it, is served). Default false. */
    public FakeWappi chatsGetPostOnly(boolean on) {
        this.chatsGetPostOnly = on;
        return this;
    }

    /**
     * True: once a webhook url is registered, every new message (a customer's, an echo of the system's send, an
     * operator's) is also POSTed to it in webhook format, as far as the registered types allow. Read when the
     * message is made, so turning it off stops the pushes of messages made after. Default false.
     */
    public FakeWappi pushWebhooks(boolean on) {
        this.pushWebhooks = on;
        return this;
    }

    /** What the system registered through {@code webhook/url/set} and {@code webhook/types/set}; fields null until then. */
    public WebhookRegistration webhookRegistration() {
        return registration;
    }

    /** Every webhook POST made so far, in the order they were answered. */
    public List<WebhookPush> webhookPushes() {
        return List.copyOf(pushes);
    }

    /** The webhook POSTs that carried this message. */
    public List<WebhookPush> webhookPushesOf(String messageId) {
        return pushes.stream().filter(p -> p.messageId().equals(messageId)).toList();
    }

    /** The webhook POSTs that carried messages of this phone's chat. */
    public List<WebhookPush> webhookPushesFor(String phone) {
        String chatId = normalise(phone);
        return pushes.stream().filter(p -> p.chatId().equals(chatId)).toList();
    }

    /**
     * A customer writes, and Wappi tells it only by webhook: the message is POSTed to the registered url (whatever
     * {@link #pushWebhooks(boolean)} and the registered types say) but never appears in {@code chats/get} or
     * {@code messages/get}, so polling cannot find it. A reply quoting it still reaches the phone. Returns the id.
     *
     * @throws IllegalStateException when no webhook url is registered
     */
    public String customerWritesByWebhookOnly(String phone, String name, String text) {
        if (registration.url() == null) {
            throw new IllegalStateException("no webhook url is registered at the fake Wappi");
        }
        Message message = webhookOnlyMessage(phone, name, text);
        push(message, whType(message));
        return message.id();
    }

    /**
     * The webhook body ({@code {"messages":[...]}}) of a new customer text that is pushed nowhere and is in no chat
     * list, for a test to POST itself (with a forged or a right secret). A reply quoting its id reaches the phone.
     */
    public String customerWebhookBody(String phone, String name, String text) {
        Message message = webhookOnlyMessage(phone, name, text);
        try {
            return JSON.writeValueAsString(Map.of("messages", List.of(webhookMessage(message, whType(message)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * POSTs an existing chat message to the registered url once more, as a late or repeated webhook delivery
     * (whatever {@link #pushWebhooks(boolean)} says).
     *
     * @throws IllegalStateException when no webhook url is registered or the message is unknown
     */
    public synchronized void pushWebhookAgain(String messageId) {
        if (registration.url() == null) {
            throw new IllegalStateException("no webhook url is registered at the fake Wappi");
        }
        for (List<Message> messages : chats.values()) {
            for (Message message : messages) {
                if (message.id().equals(messageId)) {
                    push(message, whType(message));
                    return;
                }
            }
        }
        throw new IllegalStateException("no message " + messageId + " in the fake's chats");
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

    /** A customer sends a photo with a caption; {@code message/media/download} links to its bytes. Returns the id. */
    public synchronized String customerSendsImage(String phone, String name, String caption, byte[] data, String mimeType) {
        String id = "3EB0" + String.format("%016X", ids.get() + 1);
        files.put(id, new MediaFile(data, mimeType, "photo.png", "image"));
        return add(phone, name, "image", false, false, Map.of("mimetype", mimeType, "caption", caption,
                "url", baseUri() + "/media/" + id, "fileLength", data.length));
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
        Message message = new Message(id, chatId, type, fromMe, fromApi, clock.incrementAndGet(), body, fromMe ? "Бизнес" : name);
        chats.computeIfAbsent(chatId, k -> new ArrayList<>()).add(message);
        if (pushWebhooks) {
            String whType = whType(message);
            List<String> types = registration.types();
            if (types == null || types.contains(whType)) {
                push(message, whType);
            }
        }
        return id;
    }

    private synchronized Message webhookOnlyMessage(String phone, String name, String text) {
        String id = "3EB0" + String.format("%016X", ids.incrementAndGet());
        String chatId = normalise(phone);
        if (name != null) {
            names.put(chatId, name);
        }
        webhookOnly.put(id, chatId);
        return new Message(id, chatId, "chat", false, false, clock.incrementAndGet(), text, name);
    }

    private static String whType(Message message) {
        if (!message.fromMe()) {
            return "incoming_message";
        }
        return message.fromApi() ? "outgoing_message_api" : "outgoing_message_phone";
    }

    /** The message as Wappi's webhook names it (contract: Webhooks). */
    private Map<String, Object> webhookMessage(Message message, String whType) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wh_type", whType);
        m.put("profile_id", registration.profileId() == null ? "" : registration.profileId());
        m.put("id", message.id());
        m.put("body", message.body());
        m.put("type", message.type());
        m.put("from", message.fromMe() ? "77000000000@c.us" : message.chatId());
        m.put("to", message.fromMe() ? message.chatId() : "77000000000@c.us");
        m.put("senderName", message.senderName() == null ? "" : message.senderName());
        m.put("chatId", message.chatId());
        m.put("timestamp", WEBHOOK_TIMESTAMP.format(Instant.ofEpochSecond(message.time()).atOffset(ZoneOffset.ofHours(5))));
        m.put("time", message.time());
        m.put("from_where", message.fromApi() ? "api" : "phone");
        m.put("contact_name", names.getOrDefault(message.chatId(), ""));
        m.put("is_me", message.fromMe());
        m.put("chat_type", message.chatId().endsWith("@g.us") ? "group" : "dialog");
        m.put("is_deleted", false);
        if (message.body() instanceof Map<?, ?> media && media.get("url") != null) {
            m.put("file_link", media.get("url"));
            if ("ptt".equals(message.type()) || "audio".equals(message.type())) {
                m.put("media_info", Map.of("duration", 4));
            }
        }
        return m;
    }

    /** Queues one webhook POST of this message to the registered url, with the registered auth as Authorization. */
    private void push(Message message, String whType) {
        WebhookRegistration target = registration;
        if (target.url() == null) {
            return;
        }
        byte[] payload;
        try {
            payload = JSON.writeValueAsBytes(Map.of("messages", List.of(webhookMessage(message, whType))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        pusher.execute(() -> {
            int status;
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
                if (target.auth() != null) {
                    request.header("Authorization", target.auth());
                }
                status = pushClient.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | IllegalArgumentException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -1;
            }
            pushes.add(new WebhookPush(Instant.now(), message.id(), message.chatId(), whType, target.url(), status));
        });
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** When each send or reply call arrived, whatever its outcome. */
    /** When "typing..." was asked for ({@code chat/typing/start}, an endpoint seen in third-party code). */
    public List<Instant> typingCalls() {
        return List.copyOf(typingCalls);
    }

    /** When a message was marked read. */
    public List<Instant> markReadCalls() {
        return List.copyOf(markReadCalls);
    }

    public List<Instant> sendCalls() {
        return List.copyOf(sendCalls);
    }

    /** Injected send failures by kind: {@code 500}, {@code 429}, {@code timeout}, {@code timeout after delivery}. */
    public Map<String, Integer> sendFailures() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sendFailures.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    /** Customers {@code first}, {@code first + 1}, ... each ask one question; returns their numbers in order. */
    public List<String> customersAsk(long first, int count) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = String.valueOf(first + i);
            phones.add(phone);
            customerWrites(phone, "Клиент " + i, "Здравствуйте! Сколько стоит курс? #" + i);
        }
        return phones;
    }

    /** Waits until every one of {@code customers} has a reply and nothing more is sent for 10 s (a late duplicate would). */
    public void awaitEveryoneAnsweredAndQuiet(List<String> customers, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1))
                .until(() -> customers.stream().allMatch(phone -> !sentTo(phone).isEmpty()));
        int[] settled = {-1};
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(60))
                .until(() -> settled[0] == (settled[0] = sent().size()));
    }

    /** How many of {@code customers} got no reply, and how many more than one. */
    public long[] lostAndDuplicated(List<String> customers) {
        return new long[] {customers.stream().filter(phone -> sentTo(phone).isEmpty()).count(),
                customers.stream().filter(phone -> sentTo(phone).size() > 1).count()};
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

    /** Calls per method and path (e.g. {@code POST /api/sync/chats/get}) since the start or the last reset. */
    public Map<String, Integer> methodCalls() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        methodCalls.forEach((call, count) -> counts.put(call, count.get()));
        return counts;
    }

    public void resetCalls() {
        calls.clear();
        methodCalls.clear();
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
        String method = exchange.getRequestMethod();
        methodCalls.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/media/")) {
            MediaFile file = files.get(path.substring("/media/".length()));
            if (file != null) {
                respondBytes(exchange, file.mimeType(), file.data());
            } else {
                respondBytes(exchange, "audio/ogg", "OggS".getBytes(StandardCharsets.US_ASCII));
            }
            return;
        }
        if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("status", "error", "detail", "Unauthorized"));
            return;
        }
        Map<String, String> query = query(exchange);
        switch (path) {
            case "/api/sync/chats/get" -> {
                if (chatsGetPostOnly && "GET".equals(method)) {
                    respond(exchange, 405, Map.of("status", "error", "detail", "Method Not Allowed"));
                } else {
                    respond(exchange, 200, chats(query));
                }
            }
            case "/api/webhook/url/set" -> webhookUrl(exchange, query);
            case "/api/webhook/types/set" -> webhookTypes(exchange);
            case "/api/sync/messages/get" -> respond(exchange, 200, messages(query));
            case "/api/sync/message/send", "/api/sync/message/reply" -> send(exchange, path);
            case "/api/sync/message/mark/read" -> {
                markReadCalls.add(Instant.now());
                respond(exchange, 200, done(Map.of()));
            }
            case "/api/sync/chat/typing/start" -> {
                typingCalls.add(Instant.now());
                respond(exchange, 200, done(Map.of()));
            }
            case "/api/sync/message/media/download" -> {
                MediaFile file = files.get(String.valueOf(query.get("message_id")));
                respond(exchange, 200, done(file == null ? Map.of(
                        "file_link", baseUri() + "/media/" + query.get("message_id") + ".ogg",
                        "mime_type", "audio/ogg; codecs=opus", "file_name", "voice.ogg", "media_type", "ptt")
                        : Map.of("file_link", baseUri() + "/media/" + query.get("message_id"), "mime_type", file.mimeType(),
                                "file_name", file.fileName(), "media_type", file.mediaType())));
            }
            case "/api/sync/get/status" -> respond(exchange, 200, done(Map.of("authorized", true, "phone", "77000000000")));
            default -> respond(exchange, 404, Map.of("status", "error", "detail", "unknown path " + path));
        }
    }

    private void webhookUrl(HttpExchange exchange, Map<String, String> query) throws IOException {
        String url = query.get("url");
        if (url == null || url.isBlank()) {
            respond(exchange, 400, Map.of("status", "error", "detail", "url is required"));
            return;
        }
        synchronized (this) {
            registration = new WebhookRegistration(query.get("profile_id"), url, query.get("auth"), registration.types());
        }
        respond(exchange, 200, done(Map.of()));
    }

    /** The body must be a JSON array of type names, as the contract shows; anything else is refused and not recorded. */
    private void webhookTypes(HttpExchange exchange) throws IOException {
        byte[] raw = body(exchange);
        JsonNode types;
        try {
            types = JSON.readTree(raw);
        } catch (IOException e) {
            types = null;
        }
        if (types == null || !types.isArray()) {
            respond(exchange, 400, Map.of("status", "error",
                    "detail", "expected a JSON array of types, got: " + new String(raw, StandardCharsets.UTF_8)));
            return;
        }
        List<String> names = new ArrayList<>();
        types.forEach(type -> names.add(type.asText()));
        synchronized (this) {
            registration = new WebhookRegistration(registration.profileId(), registration.url(), registration.auth(),
                    List.copyOf(names));
        }
        respond(exchange, 200, done(Map.of()));
    }

    private synchronized Map<String, Object> chats(Map<String, String> query) {
        List<Map<String, Object>> dialogs = new ArrayList<>();
        Map<Map<String, Object>, Long> activity = new java.util.IdentityHashMap<>();
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
            if (dialogMarkers) {
                dialog.put("isGroup", chatId.endsWith("@g.us"));
                dialog.put("unread_count", unread);
                dialog.put("last_message_id", last.id());
                dialog.put("last_time", last.time());
                dialog.put("last_timestamp", Instant.ofEpochSecond(last.time()).atOffset(ZoneOffset.ofHours(5)).toString());
                dialog.put("last_message_type", last.type());
            } else {
                Map<String, Object> chat = new LinkedHashMap<>();
                chat.put("VerifiedName", "");
                chat.put("Status", "");
                chat.put("Picture", "");
                dialog.put("chat", chat);
            }
            activity.put(dialog, last.time());
            dialogs.add(dialog);
        });
        dialogs.sort(Comparator.comparingLong((Map<String, Object> d) -> activity.get(d)).reversed());
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
            m.put("isFromAPI", message.fromApi() && echoFromApi);
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
        String webhookChat = webhookOnly.get(messageId);
        return webhookChat == null ? "unknown" : webhookChat.replace("@c.us", "");
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

    @Override
    public void close() {
        super.close();
        pusher.shutdownNow();
    }

    private Map<String, Object> done(Map<String, Object> fields) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "done");
        response.put("timestamp", Instant.now().getEpochSecond());
        response.putAll(fields);
        return response;
    }
}
