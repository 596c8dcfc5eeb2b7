package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.Measurements;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;

/**
 * Our own messages are known by what the sends returned, whatever Wappi's {@code isFromAPI} says, and a person at the
 * business typing is still seen as a person.
 */
class OwnMessagesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TEXT = "Курс стоит 200 000 ₸. Оплатить можно через Kaspi.";

    @Test
    void theEchoOfOurSendIsOursEvenWhenWappiSaysItIsNotFromTheApi() throws Exception {
        String chat = newChat();
        String wappiId = "3EB0ECHO" + UUID.randomUUID().toString().substring(0, 8);
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"" + wappiId + "\",\"task_id\":\"task-1\"}")));
        send(chat, TEXT);
        await().atMost(WAIT).until(() -> ownRows(wappiId) == 1);

        ObjectNode echo = fromBusiness(wappiId, chat, TEXT, false);
        wappi.add(echo, WappiStub.text("C-" + UUID.randomUUID(), chat, now() + 1, "Спасибо, а рассрочка есть?"));

        JsonNode next = receive(queues.incoming(), WAIT);
        assertThat(next.has("event")).isFalse();
        assertThat(next.path("message_text").asText()).isEqualTo("Спасибо, а рассрочка есть?");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
        assertThat(reason(wappiId)).isEqualTo("our own message: sent by this gateway");
    }

    @Test
    void anEchoReadUnderAnotherIdIsKnownByItsTextAndAPersonTypingTheSameWordsLaterIsAPerson() throws Exception {
        String chat = newChat();
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0RETURNED\",\"task_id\":\"task-2\"}")));
        send(chat, TEXT);
        await().atMost(WAIT).until(() -> ownRows("3EB0RETURNED") >= 1);

        String echoId = "3EB0OTHER" + UUID.randomUUID().toString().substring(0, 8);
        wappi.add(fromBusiness(echoId, chat, TEXT, false));
        await().atMost(WAIT).until(() -> reason(echoId) != null);
        assertThat(reason(echoId)).isEqualTo("our own message: sent by this gateway");

        String typedId = "3EB0TYPED" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode typed = fromBusiness(typedId, chat, TEXT, true);
        typed.put("time", now() + 1);
        wappi.add(typed);
        JsonNode event = receive(queues.incoming(), WAIT);
        assertThat(event.path("event").asText()).isEqualTo("operator_message");
        assertThat(event.path("message_id").asText()).isEqualTo(typedId);
    }

    @Test
    void anEchoReadWhileTheSendIsStillInFlightIsOurs() throws Exception {
        String chat = newChat();
        // Wappi takes the message and answers late; the poller reads the echo before the answer is recorded
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(aResponse().withFixedDelay(4000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"done\",\"message_id\":\"3EB0LATE\",\"task_id\":\"task-3\"}")));
        send(chat, TEXT);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM own_messages WHERE phone_number = ?",
                Integer.class, chat.replace("@c.us", "")) == 1);

        wappi.add(fromBusiness("3EB0LATE", chat, TEXT, false));

        await().atMost(WAIT).until(() -> reason("3EB0LATE") != null);
        assertThat(reason("3EB0LATE")).isEqualTo("our own message: sent by this gateway");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(1))).isNull();
        // the late answer is recorded too (and the send is over before the next test starts)
        await().atMost(WAIT).until(() -> ownRows("3EB0LATE") == 1);
    }

    @Test
    void aSendThatGetsA429WaitsItsRetryAfter() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withBody("{\"status\":\"error\",\"detail\":\"Too Many Requests\"}"))
                .willSetStateTo("accepting"));
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).inScenario("429").whenScenarioStateIs("accepting")
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0AFTER429\",\"task_id\":\"t\"}")));

        send(newChat(), "после паузы");

        await().atMost(WAIT).until(() -> ownRows("3EB0AFTER429") == 1);
        List<LoggedRequest> calls = STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        Measurements.record("Wappi send 429 with Retry-After: 2, SEND_RETRY_DELAY_MS=100: retry after " + gap + " ms");
        assertThat(calls).hasSize(2);
        assertThat(gap).isGreaterThanOrEqualTo(2000);
    }

    private void send(String chat, String text) throws Exception {
        publishOutgoing(Map.of("outbox_id", UUID.randomUUID().toString(), "phone_number", chat.replace("@c.us", ""),
                "message_text", text, "kind", "reply"), "corr-" + UUID.randomUUID());
    }

    private static ObjectNode fromBusiness(String id, String chat, String text, boolean fromApi) {
        ObjectNode message = WappiStub.text(id, chat, now(), text);
        message.put("fromMe", true).put("isFromAPI", fromApi).put("from", "79602041988@c.us").put("to", chat);
        return message;
    }

    private int ownRows(String wappiId) {
        return jdbc.queryForObject("SELECT count(*) FROM own_messages WHERE wappi_message_id = ?", Integer.class, wappiId);
    }

    private String reason(String messageId) {
        return jdbc.queryForList("SELECT reason FROM message_logs WHERE message_id = ? AND direction = 'incoming'",
                String.class, messageId).stream().findFirst().orElse(null);
    }
}
