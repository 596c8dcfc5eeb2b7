package kz.aisales.agent.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's endpoints as the page and machines use them: a login with a session cookie and CSRF token (and
 * logout), every endpoint refused without credentials and answered with the key or the session, the inbox's statuses,
 * counts and search, writing to a customer as the business, the actions, the knowledge base, the dashboard and the
 * gateway's sending pause.
 */
class ConsoleApiIT extends AgentFlowSupport {

    static final String ASEL = "77050000001";
    static final String SPAM = "77050000002";
    static final String PAUSED = "77050000003";
    static final String WAITING = "77050000004";
    static final String GONE = "77050000005";

    @LocalServerPort
    int port;

    @BeforeEach
    void contacts() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, needs_human, last_message_at) VALUES (?, 'Асель', TRUE, TRUE, now() - interval '5 minutes')", ASEL);
        jdbc.update("INSERT INTO contacts (phone_number, push_name, is_client, last_message_at) VALUES (?, 'Реклама', FALSE, now() - interval '4 minutes')", SPAM);
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, paused_until, last_message_at) VALUES (?, 'Ерлан', TRUE, now() + interval '3 hours', now() - interval '3 minutes')", PAUSED);
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, last_message_at) VALUES (?, 'Dana', TRUE, now() - interval '1 minute')", WAITING);
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, opted_out, last_message_at) VALUES (?, 'Бахыт', TRUE, TRUE, now() - interval '2 minutes')", GONE);
        message(ASEL, "c-1", "user", "Сколько стоит курс?", null, "yes", "now() - interval '6 minutes'", true);
        message(ASEL, "c-2", "assistant", "Курс стоит 200 000 ₸", "reply", null, "now() - interval '5 minutes'", false);
        message(WAITING, "c-3", "user", "Hello, do you teach in English?", null, null, "now() - interval '1 minute'", false);
    }

    private void message(String phone, String id, String role, String text, String kind, String intent, String at, boolean handled) {
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, intent, sent_at, handled_at)"
                + " SELECT id, ?, ?, ?, ?, ?, " + at + ", " + (handled || "assistant".equals(role) ? at : "NULL")
                + " FROM contacts WHERE phone_number = ?", id, role, text, kind, intent, phone);
    }

    @Test
    void everyConsoleEndpointNeedsCredentialsAndAnswersWithTheKey() throws Exception {
        List<String[]> calls = List.of(new String[] {"GET", "/conversations"}, new String[] {"GET", "/dashboard"},
                new String[] {"GET", "/knowledge/files"}, new String[] {"GET", "/knowledge/search?q=курс"},
                new String[] {"POST", "/contacts/" + ASEL + "/needs-human/done"},
                new String[] {"POST", "/contacts/" + ASEL + "/messages"}, new String[] {"POST", "/contacts/" + ASEL + "/classify"},
                new String[] {"POST", "/follow-ups/1/cancel"}, new String[] {"POST", "/scheduled-calls/1/status"},
                new String[] {"PUT", "/knowledge/files/a.txt"}, new String[] {"DELETE", "/knowledge/files/a.txt"},
                new String[] {"GET", "/sending"}, new String[] {"POST", "/sending/resume"});
        for (String[] call : calls) {
            HttpResponse<String> refused = send(HttpClient.newHttpClient(), call[0], call[1], "{}", "application/json", null);
            assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("Асель", ASEL);
        }
        HttpResponse<String> answered = send(HttpClient.newHttpClient(), "GET", "/conversations?q=%D0%B0", null, null, ADMIN_KEY);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().map().keySet()).as("the key and the query are not echoed")
                .noneMatch(name -> name.equalsIgnoreCase("X-API-Key") || name.equalsIgnoreCase("q"));
        assertThat(send(HttpClient.newHttpClient(), "GET", "/dashboard", null, null, ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(send(HttpClient.newHttpClient(), "GET", "/knowledge/files", null, null, ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void theConsoleLogsInWithASessionAndACsrfTokenAndLogsOut() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        assertThat(send(browser, "GET", "/", null, null, null).body()).contains("<html");
        assertThat(json(send(browser, "GET", "/session", null, null, null))).containsEntry("authenticated", false)
                .containsEntry("login_enabled", true).doesNotContainKey("business_name");
        String login = "username=" + CONSOLE_USER + "&password=" + URLEncoder.encode(CONSOLE_PASSWORD, StandardCharsets.UTF_8);
        assertThat(send(browser, "POST", "/login", login, "application/x-www-form-urlencoded", null).statusCode())
                .as("a login without the CSRF token").isEqualTo(403);
        assertThat(withCsrf(browser, cookies, "POST", "/login", "username=" + CONSOLE_USER + "&password=wrong",
                "application/x-www-form-urlencoded").statusCode()).isEqualTo(401);
        assertThat(send(browser, "GET", "/conversations", null, null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> loggedIn = withCsrf(browser, cookies, "POST", "/login", login, "application/x-www-form-urlencoded");
        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(json(loggedIn)).containsEntry("user", CONSOLE_USER);
        assertThat(json(send(browser, "GET", "/session", null, null, null))).containsEntry("authenticated", true)
                .containsEntry("user", CONSOLE_USER).containsEntry("timezone", "Asia/Almaty");
        assertThat(send(browser, "GET", "/conversations", null, null, null).statusCode()).isEqualTo(200);
        assertThat(send(browser, "POST", "/contacts/" + ASEL + "/needs-human/done", "", "application/json", null).statusCode())
                .as("a change by session without the CSRF token").isEqualTo(403);
        assertThat(needsHuman(ASEL)).isTrue();
        assertThat(withCsrf(browser, cookies, "POST", "/contacts/" + ASEL + "/needs-human/done", "", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(needsHuman(ASEL)).isFalse();

        assertThat(withCsrf(browser, cookies, "POST", "/logout", "", "application/json").statusCode()).isEqualTo(204);
        assertThat(send(browser, "GET", "/conversations", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theInboxShowsEachConversationsStatusNewestFirstWithCountsAndSearch() throws Exception {
        Map<String, Object> inbox = json(keyed("GET", "/conversations", null));

        assertThat((Map<String, Object>) inbox.get("counts")).containsEntry("all", 5).containsEntry("bot", 0)
                .containsEntry("waiting", 1).containsEntry("paused", 1).containsEntry("needs_human", 1)
                .containsEntry("opted_out", 1).containsEntry("not_client", 1);
        List<Map<String, Object>> conversations = (List<Map<String, Object>>) inbox.get("conversations");
        assertThat(conversations).extracting(c -> c.get("phone_number")).containsExactly(WAITING, GONE, PAUSED, SPAM, ASEL);
        assertThat(conversations).extracting(c -> c.get("status"))
                .containsExactly("waiting", "opted_out", "paused", "not_client", "needs_human");
        assertThat(conversations.get(0)).containsEntry("phone_masked", "+7 705 *** ** 04").containsEntry("name", "Dana")
                .containsEntry("unanswered", 1);
        assertThat((Map<String, Object>) conversations.get(4).get("last_message")).containsEntry("role", "assistant")
                .containsEntry("text", "Курс стоит 200 000 ₸");
        assertThat(conversations.get(3)).containsEntry("name", "Реклама");

        assertThat((List<?>) json(keyed("GET", "/conversations?status=paused", null)).get("conversations")).hasSize(1);
        assertThat((List<Map<String, Object>>) json(keyed("GET", "/conversations?q=" + URLEncoder.encode("асел", StandardCharsets.UTF_8), null))
                .get("conversations")).extracting(c -> c.get("phone_number")).containsExactly(ASEL);
        assertThat((List<Map<String, Object>>) json(keyed("GET", "/conversations?q=" + URLEncoder.encode("+7 705 000 0002", StandardCharsets.UTF_8), null))
                .get("conversations")).extracting(c -> c.get("phone_number")).containsExactly(SPAM);
        assertThat(keyed("GET", "/conversations?status=sleeping", null).statusCode()).isEqualTo(400);
    }

    @Test
    void writingAsTheBusinessQueuesOneOperatorMessageStoresItAndPausesTheAgent() throws Exception {
        String body = "{\"text\": \"Асель, это Анна, менеджер. Перезвоню через 5 минут.\", \"client_message_id\": \"page-1\"}";

        HttpResponse<String> queued = keyed("POST", "/contacts/" + WAITING + "/messages", body);
        assertThat(queued.statusCode()).isEqualTo(202);
        String outboxId = (String) json(queued).get("outbox_id");
        Message published = receiveOutgoing(5000);
        assertThat(published).isNotNull();
        assertThat(body(published)).containsEntry("kind", "operator").containsEntry("phone_number", WAITING)
                .containsEntry("outbox_id", outboxId).containsEntry("message_text", "Асель, это Анна, менеджер. Перезвоню через 5 минут.");

        assertThat(keyed("POST", "/contacts/" + WAITING + "/messages", body).statusCode()).as("the page retried").isEqualTo(202);
        assertThat(receiveOutgoing(1500)).as("the same page message is published once").isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE kind = 'operator' AND message_id = ?", Integer.class, outboxId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT paused_until > now() + interval '11 hours' FROM contacts WHERE phone_number = ?", Boolean.class, WAITING)).isTrue();
        assertThat(jdbc.queryForObject("SELECT handled_at IS NOT NULL FROM messages WHERE message_id = 'c-3'", Boolean.class)).isTrue();
        assertThat(json(keyed("GET", "/contacts/" + WAITING, null))).containsEntry("status", "paused");

        assertThat(keyed("POST", "/contacts/" + GONE + "/messages", "{\"text\": \"Здравствуйте\"}").statusCode()).isEqualTo(409);
        assertThat(keyed("POST", "/contacts/" + ASEL + "/messages", "{\"text\": \"   \"}").statusCode()).isEqualTo(400);
        assertThat(keyed("POST", "/contacts/" + ASEL + "/messages", "{\"text\": \"" + "я".repeat(4097) + "\"}").statusCode()).isEqualTo(400);
        assertThat(keyed("POST", "/contacts/70000000000/messages", "{\"text\": \"Здравствуйте\"}").statusCode()).isEqualTo(404);
        assertThat(receiveOutgoing(500)).isNull();
    }

    @Test
    void aFollowUpIsCancelledAndACallsOutcomeRecorded() throws Exception {
        Long followUp = jdbc.queryForObject("INSERT INTO follow_ups (contact_id, touch_number, next_follow_up_at)"
                + " SELECT id, 2, now() + interval '1 day' FROM contacts WHERE phone_number = ? RETURNING id", Long.class, ASEL);
        Long call = jdbc.queryForObject("INSERT INTO scheduled_calls (contact_id, scheduled_at)"
                + " SELECT id, now() + interval '1 day' FROM contacts WHERE phone_number = ? RETURNING id", Long.class, ASEL);
        assertThat((Map<String, Object>) json(keyed("GET", "/contacts/" + ASEL, null)).get("follow_up")).containsEntry("touch_number", 2);

        assertThat(json(keyed("POST", "/follow-ups/" + followUp + "/cancel", ""))).containsEntry("status", "stopped");
        assertThat(jdbc.queryForObject("SELECT status FROM follow_ups WHERE id = ?", String.class, followUp)).isEqualTo("stopped");
        assertThat(keyed("POST", "/follow-ups/" + followUp + "/cancel", "").statusCode()).isEqualTo(404);
        assertThat(json(keyed("GET", "/contacts/" + ASEL, null))).containsEntry("follow_up", null);

        assertThat(json(keyed("GET", "/scheduled-calls", null).body(), new TypeReference<List<Map<String, Object>>>() { }))
                .singleElement().satisfies(listed -> assertThat((String) listed.get("scheduled_local")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d"));
        assertThat(json(keyed("POST", "/scheduled-calls/" + call + "/status", "{\"status\": \"no_show\"}"))).containsEntry("status", "no_show");
        assertThat(jdbc.queryForObject("SELECT status FROM scheduled_calls WHERE id = ?", String.class, call)).isEqualTo("no_show");
        assertThat(keyed("POST", "/scheduled-calls/" + call + "/status", "{\"status\": \"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(keyed("POST", "/scheduled-calls/999999/status", "{\"status\": \"done\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theModeratorIsRunAgainOnRequest() throws Exception {
        stubModerator(true);

        HttpResponse<String> reclassified = keyed("POST", "/contacts/" + SPAM + "/classify", "");

        assertThat(reclassified.statusCode()).isEqualTo(200);
        assertThat(json(reclassified)).containsEntry("is_client", true).containsEntry("classification_reason", "Тестовое решение модератора.");
        assertThat(keyed("POST", "/contacts/70000000000/classify", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aKnowledgeFileIsUploadedFoundAndDeleted() throws Exception {
        String file = "console-upload-test.txt";
        String text = "Рассрочка Kaspi Red на 12 месяцев доступна для курса по созданию сайтов с ИИ.";

        HttpResponse<String> uploaded = keyed("PUT", "/knowledge/files/" + file, text, "text/plain");
        assertThat(uploaded.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> ((List<Map<String, Object>>) json(keyed("GET", "/knowledge/files", null)).get("files"))
                .stream().anyMatch(f -> file.equals(f.get("file")) && ((Number) f.get("passages")).intValue() > 0));
        List<Map<String, Object>> passages = (List<Map<String, Object>>) json(keyed("GET", "/knowledge/search?q="
                + URLEncoder.encode("есть рассрочка?", StandardCharsets.UTF_8), null)).get("passages");
        assertThat(passages).anySatisfy(passage -> assertThat(passage).containsEntry("file", file).containsEntry("content", text));

        HttpResponse<String> escaping = keyed("PUT", "/knowledge/files/" + URLEncoder.encode("../evil.txt", StandardCharsets.UTF_8), text, "text/plain");
        assertThat(escaping.statusCode()).as(escaping.body()).isEqualTo(400);
        assertThat(Path.of("target/evil.txt")).doesNotExist();
        HttpResponse<String> notAKnowledgeFile = keyed("PUT", "/knowledge/files/virus.exe", text, "application/octet-stream");
        assertThat(notAKnowledgeFile.statusCode()).isEqualTo(400);
        assertThat(json(notAKnowledgeFile.body(), new TypeReference<Map<String, Object>>() { }))
                .containsEntry("error", "the file name must be a plain name ending in .pdf, .txt or .md");
        assertThat(keyed("PUT", "/knowledge/files/big.txt", "я".repeat(5_242_881), "text/plain").statusCode()).isEqualTo(413);

        assertThat(json(keyed("DELETE", "/knowledge/files/" + file, null))).containsEntry("deleted", true);
        assertThat((List<?>) json(keyed("GET", "/knowledge/search?q=" + URLEncoder.encode("рассрочка", StandardCharsets.UTF_8), null)).get("passages"))
                .noneSatisfy(passage -> assertThat((Map<String, Object>) passage).containsEntry("file", file));
        assertThat(keyed("DELETE", "/knowledge/files/" + file, null).statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardCountsTheFunnelDaysAndQueues() throws Exception {
        // the conversation moved to yesterday's noon in the business's time zone, as it was: minutes before now, it
        // straddles the day's start in the first minutes after midnight (CI, 00:04 in Almaty)
        jdbc.update("UPDATE messages SET sent_at = sent_at + s.d, handled_at = handled_at + s.d FROM (SELECT"
                + " ((date_trunc('day', now() AT TIME ZONE 'Asia/Almaty') - interval '12 hours') AT TIME ZONE 'Asia/Almaty') - now() AS d) s"
                + " WHERE message_id IN ('c-1', 'c-2', 'c-3')");
        Map<String, Object> dashboard = json(keyed("GET", "/dashboard", null));

        assertThat((Map<String, Object>) dashboard.get("funnel")).containsEntry("new_contacts", 5).containsEntry("clients", 4)
                .containsEntry("answered", 1).containsEntry("booked_or_yes", 1);
        List<Map<String, Object>> days = (List<Map<String, Object>>) dashboard.get("per_day");
        assertThat(days).hasSize(30);
        assertThat(days.get(28)).containsEntry("messages", 2).containsEntry("replies", 1);
        assertThat(days.get(29)).containsEntry("messages", 0).containsEntry("replies", 0);
        assertThat(((Number) dashboard.get("median_first_reply_seconds")).doubleValue()).isBetween(59.0, 61.0);
        assertThat((List<Map<String, Object>>) dashboard.get("queues")).extracting(q -> q.get("name"))
                .contains(queues.incoming(), queues.outgoing());
        assertThat((List<Map<String, Object>>) dashboard.get("queues")).allSatisfy(q -> assertThat(q.get("depth")).isNotNull());
        assertThat(keyed("GET", "/dashboard?from=2026-12-02&to=2026-11-01", null).statusCode()).isEqualTo(400);
        HttpResponse<String> notADate = keyed("GET", "/dashboard?from=yesterday", null);
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(json(notADate.body(), new TypeReference<Map<String, Object>>() { })).containsEntry("error", "from must be a date as YYYY-MM-DD");
    }

    @Test
    void theGatewaysSendingPauseIsShownAndResumedThroughTheGateway() throws Exception {
        GEMINI.stubFor(get(urlPathEqualTo("/wappi/sending")).withHeader("X-API-Key", equalTo(GATEWAY_KEY))
                .willReturn(okJson("{\"paused\":true,\"paused_since\":\"2026-12-03T10:00:00Z\","
                        + "\"reason\":\"Wappi reported delivery status 'temporary ban' for message 3EB0\"}")));
        GEMINI.stubFor(post(urlPathEqualTo("/wappi/sending/resume")).withHeader("X-API-Key", equalTo(GATEWAY_KEY))
                .willReturn(okJson("{\"resumed\":true,\"paused_since\":\"2026-12-03T10:00:00Z\"}")));

        assertThat(json(keyed("GET", "/sending", null))).containsEntry("paused", true)
                .containsEntry("paused_since", "2026-12-03T10:00:00Z");
        assertThat(json(keyed("POST", "/sending/resume", ""))).containsEntry("resumed", true);
        GEMINI.verify(1, postRequestedFor(urlPathEqualTo("/wappi/sending/resume")));

        GEMINI.stubFor(get(urlPathEqualTo("/wappi/sending")).willReturn(aResponse().withStatus(503)));
        HttpResponse<String> gatewayDown = keyed("GET", "/sending", null);
        assertThat(gatewayDown.statusCode()).isEqualTo(502);
        assertThat(gatewayDown.body()).contains("the gateway answered HTTP 503").doesNotContain(GATEWAY_KEY);
    }

    private boolean needsHuman(String phone) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT needs_human FROM contacts WHERE phone_number = ?", Boolean.class, phone));
    }

    private HttpResponse<String> keyed(String method, String path, String body) throws IOException, InterruptedException {
        return keyed(method, path, body, "application/json");
    }

    private HttpResponse<String> keyed(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        return send(HttpClient.newHttpClient(), method, path, body, contentType, ADMIN_KEY);
    }

    private HttpResponse<String> withCsrf(HttpClient browser, CookieManager cookies, String method, String path, String body,
            String contentType) throws IOException, InterruptedException {
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-XSRF-TOKEN", token).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body, String contentType, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if ("GET".equals(method) && path.equals("/")) {
            request.header("Accept", "text/html");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json(response.body(), new TypeReference<Map<String, Object>>() { });
    }

    private static <T> T json(String body, TypeReference<T> type) throws IOException {
        return JSON.readValue(body, type);
    }
}
