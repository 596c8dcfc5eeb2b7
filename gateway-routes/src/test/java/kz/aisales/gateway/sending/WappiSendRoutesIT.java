package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.Measurements;
import kz.aisales.gateway.support.WappiStub;

import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedProcessorMBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class WappiSendRoutesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SENT = "{\"status\":\"done\",\"message_id\":\"3EB0SENT%s\",\"task_id\":\"t\"}";

    @Test
    void messageIsSentWithTheTokenAndLoggedWithWappisMessageId() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("A"))));
        String outbox = UUID.randomUUID().toString();

        publishOutgoing(outgoing(outbox, "+7 701 555 1234", "Спасибо за интерес!", null), "corr-A");

        await().atMost(WAIT).until(() -> sentCount(outbox) == 1);
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send"))
                .withHeader("Authorization", equalTo(WAPPI_TOKEN))
                .withQueryParam("profile_id", equalTo("test-profile"))
                .withRequestBody(equalToJson("{\"body\":\"Спасибо за интерес!\",\"recipient\":\"77015551234\"}")));
        assertThat(jdbc.queryForMap("SELECT message_id, phone_number, correlation_id FROM message_logs"
                + " WHERE direction = 'outgoing' AND status = 'sent'"))
                .containsEntry("message_id", "3EB0SENTA").containsEntry("phone_number", "77015551234")
                .containsEntry("correlation_id", "corr-A");
    }

    @Test
    void replyQuotesTheCustomerMessageAndMarksItRead() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/reply")).willReturn(okJson(SENT.formatted("R"))));
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/mark/read")).willReturn(okJson("{\"status\":\"done\"}")));
        Map<String, Object> reply = outgoing(UUID.randomUUID().toString(), "77015551234", "Ответ", "3EB0CUSTOMER");
        reply.put("mark_as_read", true);

        publishOutgoing(reply, "3EB0CUSTOMER");

        await().atMost(WAIT).untilAsserted(() -> STUBS.verify(1,
                postRequestedFor(urlPathEqualTo("/api/sync/message/mark/read"))
                        .withQueryParam("mark_all", equalTo("true"))
                        .withRequestBody(equalToJson("{\"message_id\":\"3EB0CUSTOMER\"}"))));
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/reply"))
                .withRequestBody(equalToJson("{\"body\":\"Ответ\",\"message_id\":\"3EB0CUSTOMER\"}")));
        STUBS.verify(0, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    @Test
    void aReplyToTheNewestMessageGoesPlainlyAndStillMarksItRead() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("P"))));
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/mark/read")).willReturn(okJson("{\"status\":\"done\"}")));
        Map<String, Object> reply = outgoing(UUID.randomUUID().toString(), "77015551234", "Ответ без цитаты", "3EB0NEWEST");
        reply.put("mark_as_read", true);
        reply.put("quote", false);

        publishOutgoing(reply, "3EB0NEWEST");

        await().atMost(WAIT).untilAsserted(() -> STUBS.verify(1,
                postRequestedFor(urlPathEqualTo("/api/sync/message/mark/read"))
                        .withRequestBody(equalToJson("{\"message_id\":\"3EB0NEWEST\"}"))));
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send"))
                .withRequestBody(equalToJson("{\"body\":\"Ответ без цитаты\",\"recipient\":\"77015551234\"}")));
        STUBS.verify(0, postRequestedFor(urlPathEqualTo("/api/sync/message/reply")));
    }

    @Test
    void wappi500ThenSuccessIsSentExactlyOnce() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"internal\"}")));
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(okJson(SENT.formatted("F"))));
        String outbox = UUID.randomUUID().toString();

        publishOutgoing(outgoing(outbox, "77015551234", "retry me", null), "corr-F");

        await().atMost(WAIT).until(() -> sentCount(outbox) == 1);
        STUBS.verify(2, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        assertThat(receiveRaw(queues.deadLetter(queues.outgoing()), Duration.ofMillis(500))).isNull();
    }

    @Test
    void sameOutboxIdDeliveredTwiceIsSentOnce() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("D"))));
        String outbox = UUID.randomUUID().toString();

        publishOutgoing(outgoing(outbox, "77015551234", "only once", null), "corr-D");
        publishOutgoing(outgoing(outbox, "77015551234", "only once", null), "corr-D");

        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message_logs WHERE status = 'duplicate'", Integer.class) == 1);
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    @Test
    void wappi400GoesToTheDeadLetterQueueWithTheReasonAndNoTokenInTheLog(CapturedOutput output) throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(aResponse().withStatus(400).withBody("{\"detail\":\"recipient is not a valid number\"}")));
        Map<String, Object> message = outgoing(UUID.randomUUID().toString(), "77015551234", "bad", null);

        publishOutgoing(message, "corr-400");

        Message dead = receiveRaw(queues.deadLetter(queues.outgoing()), WAIT);
        // a message of an earlier test still waiting for the shared throttle may meet this test's 400 first
        while (dead != null && !"corr-400".equals(dead.getMessageProperties().getHeaders().get("correlation_id"))) {
            dead = receiveRaw(queues.deadLetter(queues.outgoing()), WAIT);
        }
        assertThat(dead).isNotNull();
        Map<String, Object> headers = dead.getMessageProperties().getHeaders();
        assertThat((String) headers.get("dead_letter_reason"))
                .contains("400").contains("recipient is not a valid number").doesNotContain(WAPPI_TOKEN);
        assertThat(headers).containsEntry("dead_letter_route", "wappi-send").containsEntry("correlation_id", "corr-400");
        assertThat(OffsetDateTime.parse((String) headers.get("dead_letter_at"))).isBefore(OffsetDateTime.now().plusSeconds(1));
        assertThat(JSON.readTree(new String(dead.getBody(), StandardCharsets.UTF_8))).isEqualTo(JSON.valueToTree(message));
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send")).withRequestBody(containing("\"bad\"")));
        assertThat(jdbc.queryForObject("SELECT status FROM message_logs WHERE correlation_id = 'corr-400'", String.class))
                .isEqualTo("failed");
        assertThat(output.getAll()).contains("corr-400").doesNotContain(WAPPI_TOKEN);
    }

    @Test
    void wappiFailingEveryTimeIsRetriedBoundedThenDeadLettered(CapturedOutput output) throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"maintenance\"}")));

        publishOutgoing(outgoing(UUID.randomUUID().toString(), "77015551234", "later", null), "corr-503");

        Message dead = receiveRaw(queues.deadLetter(queues.outgoing()), WAIT);
        assertThat(dead).isNotNull();
        assertThat((String) dead.getMessageProperties().getHeaders().get("dead_letter_reason")).contains("503");
        STUBS.verify(1 + 3, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        assertThat(output.getAll()).doesNotContain(WAPPI_TOKEN);
    }

    @Test
    void messageThatIsNotJsonIsDeadLetteredWithoutCallingWappi() throws Exception {
        rabbit.send("", queues.outgoing(), new Message("not json".getBytes(StandardCharsets.UTF_8)));

        Message dead = receiveRaw(queues.deadLetter(queues.outgoing()), WAIT);
        assertThat(dead).isNotNull();
        assertThat((String) dead.getMessageProperties().getHeaders().get("dead_letter_reason"))
                .startsWith("InvalidQueueMessageException");
        STUBS.verify(0, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    @Test
    void twentyFiveQueuedRepliesTwentyInTheFirstWindowTheRestAfterIt() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("T"))));
        int limit = rateLimit();
        long periodMs = ratePeriodMillis();
        waitForAnEmptyWindow(periodMs);

        for (int i = 0; i < 25; i++) {
            publishOutgoing(outgoing(UUID.randomUUID().toString(), "77015551234", "reply " + i, null), "corr-T" + i);
        }

        await().atMost(Duration.ofMillis(periodMs * 3)).until(() -> throttleTestSends("reply ").size() == 25);
        List<Instant> times = arrivals(throttleTestSends("reply "));
        Instant first = times.get(0);
        List<Long> offsets = times.stream().map(t -> Duration.between(first, t).toMillis()).toList();
        Measurements.record("Throttle " + limit + " per " + periodMs + " ms, 25 queued: send offsets (ms from the first) "
                + offsets + "; most in any " + periodMs + " ms at Wappi: " + busiestWindow(times, periodMs));
        assertThat(offsets.subList(0, limit)).allMatch(offset -> offset < periodMs);
        // offsets are arrival times at the stub; the throttle's window is the period plus a margin for arrival jitter
        assertThat(offsets.subList(limit, 25)).allMatch(offset -> offset >= periodMs);
        assertThat(busiestWindow(times, periodMs)).isLessThanOrEqualTo(limit);
    }

    @Test
    void retriesAfterWappiFailuresPassTheThrottleAgain() throws Exception {
        int limit = rateLimit();
        long periodMs = ratePeriodMillis();
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("W"))));
        for (int i = 0; i < 8; i++) {
            // the first attempt of every third message fails: 500, 429 or a dropped connection in turn
            STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).atPriority(1)
                    .withRequestBody(containing("\"window " + (i * 3) + "\"")).inScenario("window-" + i)
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed once")
                    .willReturn(switch (i % 3) {
                        case 0 -> aResponse().withStatus(500).withBody("{\"detail\":\"internal\"}");
                        case 1 -> aResponse().withStatus(429).withBody("{\"detail\":\"slow down\"}");
                        default -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
                    }));
        }
        waitForAnEmptyWindow(periodMs);

        for (int i = 0; i < 24; i++) {
            publishOutgoing(outgoing(UUID.randomUUID().toString(), "77015552" + String.format("%03d", i), "window " + i,
                    null), "corr-W" + i);
        }

        await().atMost(Duration.ofMillis(periodMs * 4)).until(() -> jdbc.queryForObject("SELECT count(*) FROM message_logs"
                + " WHERE status = 'sent' AND correlation_id LIKE 'corr-W%'", Integer.class) == 24);
        List<Instant> attempts = arrivals(throttleTestSends("window "));
        int busiest = busiestWindow(attempts, periodMs);
        Measurements.record("Throttle " + limit + " per " + periodMs + " ms, 24 replies, 8 first attempts failing: "
                + attempts.size() + " calls at Wappi, most in any " + periodMs + " ms: " + busiest);
        assertThat(attempts).hasSize(24 + 8);
        assertThat(busiest).isLessThanOrEqualTo(limit);
        assertThat(receiveRaw(queues.deadLetter(queues.outgoing()), Duration.ofMillis(200))).isNull();
    }

    @Test
    void anAttemptThatFailedAfterWappiDeliveredItIsNotSentAgain() throws Exception {
        String phone = newChat().replace("@c.us", "");
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ObjectNode ours = WappiStub.text("3EB0DELIVERED", phone + "@c.us", now(), "Курс стоит 200 000 ₸");
        ours.put("fromMe", true).put("isFromAPI", true);
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/messages/get")).atPriority(1)
                .withQueryParam("chat_id", equalTo(phone + "@c.us"))
                .willReturn(okJson(JSON.createObjectNode().put("status", "done")
                        .<ObjectNode>set("messages", JSON.createArrayNode().add(ours)).toString())));
        Map<String, Object> message = outgoing(UUID.randomUUID().toString(), phone, "Курс стоит 200 000 ₸", null);
        message.put("created_at", OffsetDateTime.now().toString());

        publishOutgoing(message, "corr-uncertain");

        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT message_id FROM message_logs"
                + " WHERE correlation_id = 'corr-uncertain' AND status = 'sent'", String.class).contains("3EB0DELIVERED"));
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE correlation_id = 'corr-uncertain'",
                String.class)).contains("found in the chat");
        assertThat(receiveRaw(queues.deadLetter(queues.outgoing()), Duration.ofMillis(200))).isNull();
    }

    @Test
    void aMessageWappiAnsweredBeforeTheSenderDiedIsNotSentAgainAsANewDelivery() throws Exception {
        String phone = newChat().replace("@c.us", "");
        String outbox = UUID.randomUUID().toString();
        Map<String, Object> message = outgoing(outbox, phone, "Курс стоит 200 000 ₸", null);
        // what a sender killed after Wappi's answer leaves: the attempt and its answer, but not the outbox id as sent
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                + " VALUES (?, ?, 'Курс стоит 200 000 ₸', '3EB0ANSWERED', now())", outbox, phone);

        publishOutgoing(message, "corr-answered");

        await().atMost(WAIT).until(() -> jdbc.queryForList("SELECT message_id FROM message_logs"
                + " WHERE correlation_id = 'corr-answered' AND status = 'sent'", String.class).contains("3EB0ANSWERED"));
        STUBS.verify(0, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM own_messages WHERE outbox_key = ?", Integer.class, outbox))
                .isEqualTo(1);
    }

    private int rateLimit() {
        return Integer.parseInt(camel.resolvePropertyPlaceholders("{{sending.rate-limit}}"));
    }

    private long ratePeriodMillis() {
        return Long.parseLong(camel.resolvePropertyPlaceholders("{{sending.rate-period-seconds}}")) * 1000;
    }

    /**
     * The throttle window is sliding and shared with the other tests' sends: wait until the throttle itself has let
     * nothing through for one whole window (its node's last completed exchange, from Camel's management).
     */
    private void waitForAnEmptyWindow(long periodMs) {
        long windowMs = periodMs + Long.parseLong(camel.resolvePropertyPlaceholders("{{sending.rate-margin-ms}}"));
        ManagedProcessorMBean throttle = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor("throttle-per-number");
        await().atMost(Duration.ofMillis(windowMs * 3)).pollInterval(Duration.ofMillis(50)).until(() -> {
            java.util.Date last = throttle.getLastExchangeCompletedTimestamp();
            return last == null || System.currentTimeMillis() - last.getTime() >= windowMs;
        });
    }

    /** This test's own calls: a retry of an earlier test's message may still pass the shared throttle. */
    private List<LoggedRequest> throttleTestSends(String textPrefix) {
        return sends().stream().filter(request -> request.getBodyAsString().contains("\"" + textPrefix)).toList();
    }

    private static List<Instant> arrivals(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getLoggedDate().toInstant()).sorted().toList();
    }

    /** The most calls that arrived within any span of {@code windowMs}. */
    private static int busiestWindow(List<Instant> sorted, long windowMs) {
        int busiest = 0;
        for (int i = 0, j = 0; i < sorted.size(); i++) {
            while (j < sorted.size() && Duration.between(sorted.get(i), sorted.get(j)).toMillis() < windowMs) {
                j++;
            }
            busiest = Math.max(busiest, j - i);
        }
        return busiest;
    }

    @Test
    void afterTheOptOutConfirmationNothingElseIsSentToThatNumber() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("O"))));
        String phone = newChat().replace("@c.us", "");
        Map<String, Object> confirmation = outgoing(UUID.randomUUID().toString(), phone, "Хорошо, больше не пишем.", null);
        confirmation.put("consent", "opted_out");
        Map<String, Object> followUp = outgoing(UUID.randomUUID().toString(), phone, "Напоминаем о курсе", null);
        followUp.put("kind", "follow_up");
        Map<String, Object> secondConfirmation = outgoing(UUID.randomUUID().toString(), phone, "Хорошо, больше не пишем.", null);
        secondConfirmation.put("consent", "opted_out");

        publishOutgoing(confirmation, "corr-opt-1");
        publishOutgoing(followUp, "corr-opt-2");
        publishOutgoing(secondConfirmation, "corr-opt-3");

        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE phone_number = ?"
                + " AND direction = 'outgoing' AND status = 'refused'", Integer.class, phone) == 2);
        assertThat(sendsTo(phone)).containsExactly("Хорошо, больше не пишем.");
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE correlation_id = 'corr-opt-2'", String.class))
                .isEqualTo("customer opted out");
    }

    @Test
    void theReplyToACustomerWhoAskedToContinueLiftsTheOptOut() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT.formatted("I"))));
        String phone = newChat().replace("@c.us", "");
        jdbc.update("INSERT INTO opted_out_numbers (phone_number) VALUES (?)", phone);
        Map<String, Object> welcomeBack = outgoing(UUID.randomUUID().toString(), phone, "Рады снова вас видеть!", null);
        welcomeBack.put("consent", "opted_in");

        publishOutgoing(welcomeBack, "corr-in-1");
        await().atMost(WAIT).until(() -> sendsTo(phone).size() == 1);
        publishOutgoing(outgoing(UUID.randomUUID().toString(), phone, "Что хотите создать?", null), "corr-in-2");

        await().atMost(WAIT).until(() -> sendsTo(phone).size() == 2);
        assertThat(sendsTo(phone)).containsExactly("Рады снова вас видеть!", "Что хотите создать?");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM opted_out_numbers WHERE phone_number = ?", Integer.class, phone))
                .isZero();
    }

    private List<String> sendsTo(String phone) {
        return sends().stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(body -> phone.equals(body.path("recipient").asText())).map(body -> body.path("body").asText()).toList();
    }

    private List<LoggedRequest> sends() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    private int sentCount(String outbox) {
        return jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE direction = 'outgoing' AND status = 'sent'"
                + " AND message_text IS NOT NULL AND correlation_id IS NOT NULL", Integer.class);
    }

    private static Map<String, Object> outgoing(String outboxId, String phone, String text, String replyTo) {
        Map<String, Object> message = new HashMap<>();
        message.put("outbox_id", outboxId);
        message.put("phone_number", phone);
        message.put("message_text", text);
        message.put("reply_to_message_id", replyTo);
        message.put("mark_as_read", false);
        message.put("kind", "reply");
        message.put("created_at", "2025-10-05T14:30:07+05:00");
        return message;
    }
}
