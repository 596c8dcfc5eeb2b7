package kz.aisales.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static kz.aisales.gateway.support.QueueContract.assertValid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.sending.SendPriority;
import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.QueueContract;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /test/send-message}: an operator's message is queued on {@code outgoing_messages} as a notice the
 * contract accepts, then sent by the gateway's own sender like any other, opt-out refusal included.
 */
class TestSendRoutesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SENT = "{\"status\":\"done\",\"message_id\":\"3EB0TEST\",\"task_id\":\"t\"}";

    @Test
    void aTestSendNeedsTheKeyAndQueuesNothingWithout() throws Exception {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        withTheSenderStopped(() -> {
            ResponseEntity<String> without = http.exchange("/test/send-message", HttpMethod.POST,
                    new HttpEntity<>(Map.of("phone_number", "77015551234", "message", "Привет"), json), String.class);

            assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(receiveRaw(queues.outgoing(), Duration.ofMillis(500))).isNull();
        });
    }

    @Test
    void aTestSendIsQueuedAsANoticeTheContractAccepts() throws Exception {
        withTheSenderStopped(() -> {
            ResponseEntity<Map> answer = send(Map.of("phone_number", "+7 701 555 1234", "message", "Проверка связи"));

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(answer.getBody()).containsEntry("queued", true);
            String outboxId = (String) answer.getBody().get("outbox_id");
            assertThat(outboxId).startsWith("test-");
            Message queued = receiveRaw(queues.outgoing(), WAIT);
            assertThat(queued).isNotNull();
            JsonNode message = JSON.readTree(new String(queued.getBody(), StandardCharsets.UTF_8));
            assertValid(QueueContract.schema("outgoing_message"), message);
            assertThat(message.path("outbox_id").asText()).isEqualTo(outboxId);
            assertThat(message.path("kind").asText()).isEqualTo("notice");
            assertThat(message.path("phone_number").asText()).isEqualTo("77015551234");
            assertThat(message.path("message_text").asText()).isEqualTo("Проверка связи");
            assertThat(OffsetDateTime.parse(message.path("created_at").asText()))
                    .isBetween(OffsetDateTime.now().minusMinutes(1), OffsetDateTime.now());
            assertThat(queued.getMessageProperties().getHeaders()).containsEntry("correlation_id", outboxId)
                    .doesNotContainKeys("X-API-Key", "x-api-key");
        });
    }

    @Test
    void aTestSendIsSentThroughWappi() {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT)));

        ResponseEntity<Map> answer = send(Map.of("phone_number", "77015551234", "message_text", "Тест из скрипта"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String outboxId = (String) answer.getBody().get("outbox_id");
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE direction = 'outgoing'"
                + " AND status = 'sent' AND correlation_id = ? AND message_id = '3EB0TEST'", Integer.class, outboxId) == 1);
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send"))
                .withRequestBody(equalToJson("{\"body\":\"Тест из скрипта\",\"recipient\":\"77015551234\"}")));
    }

    @Test
    void aTestSendToAnOptedOutNumberIsRefusedLikeAnyOther() {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(SENT)));
        jdbc.update("INSERT INTO opted_out_numbers (phone_number) VALUES ('77015559999')");

        ResponseEntity<Map> answer = send(Map.of("phone_number", "77015559999", "message", "Скидка!"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE status = 'refused'"
                + " AND correlation_id = ?", Integer.class, answer.getBody().get("outbox_id")) == 1);
        STUBS.verify(0, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    @Test
    void aTestSendWithoutANumberOrTextOrWithTooLongATextIs400AndQueuesNothing() throws Exception {
        withTheSenderStopped(() -> {
            for (Map<String, String> body : List.of(Map.of("message", "Привет"), Map.of("phone_number", "77015551234"),
                    Map.of("phone_number", " ", "message", "Привет"), Map.of("phone_number", "77015551234", "message", "  "),
                    Map.of("phone_number", "12345", "message", "Привет"),
                    Map.of("phone_number", "77015551234", "message", "я".repeat(4097)))) {
                ResponseEntity<Map> answer = send(body);

                assertThat(answer.getStatusCode()).as(body.keySet().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(answer.getBody()).containsKey("error");
            }
            assertThat(send(Map.of("phone_number", "77015551234", "message", "я".repeat(4096))).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            assertThat(receiveRaw(queues.outgoing(), WAIT)).isNotNull();
            assertThat(receiveRaw(queues.outgoing(), Duration.ofMillis(500))).isNull();
        });
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        for (String body : List.of("{\"phone_number\": \"77015551234\"", "[]")) {
            ResponseEntity<Map> answer = http.exchange("/test/send-message", HttpMethod.POST, asOperator(body), Map.class);

            assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) answer.getBody().get("error")).as(body).contains("JSON object");
        }
    }

    private ResponseEntity<Map> send(Map<String, String> body) {
        return http.exchange("/test/send-message", HttpMethod.POST, asOperator(body), Map.class);
    }

    /** What the test sees on the outgoing queue, before the gateway's sender takes it. */
    private void withTheSenderStopped(QueueCheck check) throws Exception {
        camel.getRouteController().stopRoute(SendPriority.REPLIES_ROUTE);
        try {
            check.run();
        } finally {
            camel.getRouteController().startRoute(SendPriority.REPLIES_ROUTE);
        }
    }

    private interface QueueCheck {
        void run() throws Exception;
    }
}
