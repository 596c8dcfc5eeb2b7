package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How messages come in from Wappi, through both real services, with every reading the contract leaves unconfirmed
 * set the other way: the gateway registers its webhook and takes pushes only with the secret; polling stays as
 * reconciliation, with dialogs that carry no change markers and {@code chats/get} served by POST only; the echoes of
 * the system's own sends say {@code isFromAPI: false}. A message seen both ways is answered once; a message seen only
 * one way is answered too; the bot's own echo never pauses it, an operator's message does.
 */
class WappiIngressIT {

    static final String TOKEN = "wappi-ingress-token-for-tests";
    static final String API_KEY = "gemini-ingress-key-for-tests";
    static final String PROFILE = "ingress-profile";
    /** URL-safe, so it reads the same raw, in a header, and as a query value. */
    static final String SECRET = "wappi-webhook-secret-for-tests";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;
    static String webhookUrl;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN).dialogMarkers(false).echoFromApi(false).chatsGetPostOnly(true).pushWebhooks(true);
        gemini = new FakeGemini(API_KEY);
        int gatewayPort = RunningSystem.freePort();
        webhookUrl = "http://127.0.0.1:" + gatewayPort + "/webhooks/wappi";
        system = RunningSystem.start(Map.ofEntries(
                Map.entry("WAPPI_BASE_URL", wappi.baseUri().toString()),
                Map.entry("WAPPI_TOKEN", TOKEN),
                Map.entry("WAPPI_PROFILE_ID", PROFILE),
                Map.entry("GEMINI_BASE_URL", gemini.baseUri().toString()),
                Map.entry("GEMINI_API_KEY", API_KEY),
                Map.entry("POLLING_INTERVAL", "1"),
                Map.entry("MESSAGE_GROUP_TIMEOUT", "1"),
                Map.entry("WAPPI_WEBHOOK_SECRET", SECRET),
                Map.entry("WAPPI_WEBHOOK_URL", webhookUrl),
                Map.entry("WAPPI_RECONCILE_INTERVAL", "2"),
                Map.entry(RunningSystem.GATEWAY_PORT, String.valueOf(gatewayPort))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        wappi.close();
        gemini.close();
    }

    @Test
    void theGatewayRegistersItsWebhookWithTheSecret() {
        awaitRegistered();
        FakeWappi.WebhookRegistration registration = wappi.webhookRegistration();
        // the gateway may carry the secret in the url as well (the contract leaves open whether Wappi sends auth)
        assertThat(registration.url()).isIn(webhookUrl, webhookUrl + "?token=" + SECRET);
        assertThat(registration.auth()).isEqualTo(SECRET);
        assertThat(registration.types()).contains("incoming_message");
        assertThat(registration.profileId()).isEqualTo(PROFILE);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                calls("/api/webhook/url/set") == 1 && calls("/api/webhook/types/set") == 1);
        System.out.printf("wappi ingress, registration: url/set %d, types/set %d; url %s, auth is the secret, types %s%n",
                calls("/api/webhook/url/set"), calls("/api/webhook/types/set"),
                registration.url().replace(SECRET, "<secret>"), registration.types());
    }

    @Test
    void aMessageOnlyPushedByWebhookGetsExactlyOneReply() {
        awaitRegistered();
        String phone = "77014440001";
        String id = wappi.customerWritesByWebhookOnly(phone, "Айдана", "Здравствуйте, расскажите про курс");

        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 1);
        assertThat(wappi.sentTo(phone).get(0).body()).isEqualTo(FakeGemini.REPLY);
        assertThat(wappi.webhookPushesOf(id)).extracting(FakeWappi.WebhookPush::status).containsExactly(200);
        System.out.printf("wappi ingress, webhook only: 1 message pushed (status %d), %d reply%n",
                wappi.webhookPushesOf(id).get(0).status(), wappi.sentTo(phone).size());
    }

    @Test
    void aMessageSeenByWebhookAndByPollGetsExactlyOneReply() {
        awaitRegistered();
        String phone = "77014440002";
        int pollsBefore = methodCalls("POST /api/sync/chats/get");
        String id = wappi.customerWrites(phone, "Бауыржан", "Добрый день, есть курс для начинающих?");

        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);
        // the reconciliation poll has listed the chat since (two calls: one may have begun before the message)
        await().atMost(Duration.ofSeconds(30)).until(() -> methodCalls("POST /api/sync/chats/get") >= pollsBefore + 2);
        // and the same message pushed once more, late, as a repeated webhook delivery
        wappi.pushWebhookAgain(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> wappi.webhookPushesOf(id).size() == 2);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 1);

        assertThat(wappi.webhookPushesOf(id)).extracting(FakeWappi.WebhookPush::status).containsExactly(200, 200);
        assertThat(wappi.sentTo(phone).get(0).body()).isEqualTo(FakeGemini.REPLY);
        System.out.printf("wappi ingress, webhook and poll: 1 message, pushed %d times, chats/get polled %d times since,"
                + " %d reply%n", wappi.webhookPushesOf(id).size(), methodCalls("POST /api/sync/chats/get") - pollsBefore,
                wappi.sentTo(phone).size());
    }

    @Test
    void aForgedWebhookIsRefusedAndNeverAnsweredAndTheSecretAsTokenIsAccepted() throws Exception {
        String forgedPhone = "77014440003";
        String acceptedPhone = "77014440004";
        String forged = wappi.customerWebhookBody(forgedPhone, "Мошенник", "Здравствуйте, пришлите цены");

        int wrongSecret = postWebhook("", "not-the-secret", forged);
        int noSecret = postWebhook("", null, forged);
        int wrongToken = postWebhook("?token=not-the-secret", null, forged);
        assertThat(wrongSecret).as("wrong secret in Authorization").isEqualTo(401);
        assertThat(noSecret).as("no secret").isEqualTo(401);
        assertThat(wrongToken).as("wrong secret as token").isEqualTo(401);

        String accepted = wappi.customerWebhookBody(acceptedPhone, "Жанар", "Здравствуйте, сколько длится курс?");
        int withToken = postWebhook("?token=" + SECRET, null, accepted);
        assertThat(withToken).as("the secret as token").isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(acceptedPhone).size() == 1);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() ->
                wappi.sentTo(acceptedPhone).size() == 1 && wappi.sentTo(forgedPhone).isEmpty());
        System.out.printf("wappi ingress, webhook secret: wrong secret %d, no secret %d, wrong token %d, %d replies to"
                + " the forged message; secret as token %d, %d reply%n", wrongSecret, noSecret, wrongToken,
                wappi.sentTo(forgedPhone).size(), withToken, wappi.sentTo(acceptedPhone).size());
    }

    @Test
    void theBotsOwnEchoWithoutIsFromApiDoesNotPauseItButAnOperatorDoes() throws Exception {
        String phone = "77014440005";
        wappi.customerWrites(phone, "Динара", "Здравствуйте, сколько стоит курс?");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);

        // the first reply's echo (isFromAPI false) is in the chat and was pushed: it must not read as an operator
        wappi.customerWrites(phone, "Динара", "А рассрочка есть?");
        await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 2);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> wappi.sentTo(phone).size() == 2);
        assertThat(agent("GET", "/contacts?paused=true").body()).doesNotContain(phone);

        wappi.operatorWrites(phone, "Динара, здравствуйте! Это Анна, менеджер, сейчас всё расскажу.");
        await().atMost(Duration.ofSeconds(30)).until(() -> agent("GET", "/contacts?paused=true").body().contains(phone));
        wappi.customerWrites(phone, "Динара", "Спасибо, Анна, жду");
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 2);
        System.out.printf("wappi ingress, own echoes isFromAPI=false: 2 customer messages, %d replies; operator wrote,"
                + " paused; 1 more customer message, %d replies in all%n", 2, wappi.sentTo(phone).size());
    }

    @Test
    void pollingAloneFindsEveryMessageInDialogsWithoutMarkers() {
        String phone = "77014440006";
        int postPollsBefore = methodCalls("POST /api/sync/chats/get");
        wappi.pushWebhooks(false);
        try {
            wappi.customerWrites(phone, "Ерлан", "Здравствуйте, хочу научиться делать сайты");
            await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 1);
            wappi.customerWrites(phone, "Ерлан", "Сколько длится обучение?");
            await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 2);
            wappi.customerWrites(phone, "Ерлан", "А занятия онлайн?");
            await().atMost(Duration.ofSeconds(60)).until(() -> wappi.sentTo(phone).size() == 3);
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).until(() -> wappi.sentTo(phone).size() == 3);
        } finally {
            wappi.pushWebhooks(true);
        }
        List<FakeWappi.Sent> replies = wappi.sentTo(phone);
        assertThat(replies).extracting(FakeWappi.Sent::body).containsOnly(FakeGemini.REPLY);
        assertThat(wappi.webhookPushesFor(phone)).as("nothing of this chat came by webhook").isEmpty();
        assertThat(methodCalls("POST /api/sync/chats/get")).as("chats/get by POST").isGreaterThan(postPollsBefore);
        System.out.printf("wappi ingress, polling only, dialogs without markers: 3 customer messages, %d replies;"
                + " chats/get %d by POST, %d by GET (405) in all%n", replies.size(),
                methodCalls("POST /api/sync/chats/get"), methodCalls("GET /api/sync/chats/get"));
    }

    @Test
    void theSelfCheckTellsWhatThisWappiDoesAndSendsNothing() throws Exception {
        awaitRegistered();
        int sendsBefore = wappi.sendCalls().size();

        HttpResponse<String> check = HTTP.send(HttpRequest.newBuilder(URI.create(system.gateway().baseUri() + "/wappi/check"))
                .header("X-API-Key", RunningSystem.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutKey = HTTP.send(HttpRequest.newBuilder(
                URI.create(system.gateway().baseUri() + "/wappi/check")).build(), HttpResponse.BodyHandlers.ofString());

        System.out.println("wappi ingress, GET /wappi/check against the fake: " + check.body());
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("\"POST\":\"accepted\"").contains("HTTP 405")
                .contains("\"change_markers\":[]").contains("2 calls per idle poll").contains("\"registered\":true")
                .doesNotContain(SECRET);
        assertThat(wappi.sendCalls()).hasSize(sendsBefore);
    }

    private static void awaitRegistered() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(wappi.webhookRegistration().url()).as("webhook url registered").isNotNull();
            assertThat(wappi.webhookRegistration().types()).as("webhook types registered").isNotNull();
        });
    }

    private static int calls(String path) {
        return wappi.calls().getOrDefault(path, 0);
    }

    private static int methodCalls(String call) {
        return wappi.methodCalls().getOrDefault(call, 0);
    }

    /** POSTs a webhook body to the gateway's endpoint; returns the HTTP status. */
    private static int postWebhook(String query, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gateway().baseUri() + "/webhooks/wappi" + query))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> agent(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.agent().baseUri() + path))
                .header("X-API-Key", RunningSystem.ADMIN_KEY).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
