package kz.aisales.gateway.polling;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The vendor's own samples, verbatim from ../shared/contracts/wappi.md (src/test/resources/wappi-samples), read and
 * routed by the real code: the chat list and message list of polling, the send answer, the webhook.
 */
class WappiVendorSamplesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SAMPLE_CHAT = "79115576367@c.us";
    private static final String SAMPLE_MESSAGE = "3EB0B62774646FC3959E87";

    @Test
    void theVendorsSampleMessageFromTheBusinessIsAPersonTypingUntilASendReturnedItsId() throws Exception {
        pollTheSamples();

        JsonNode event = receive(queues.incoming(), WAIT);

        // fromMe: true, isFromAPI: false, and no send of ours returned this id: a person at the business wrote it
        assertThat(event.path("message_id").asText()).isEqualTo(SAMPLE_MESSAGE);
        assertThat(event.path("event").asText()).isEqualTo("operator_message");
        assertThat(event.path("phone_number").asText()).isEqualTo("79115576367");
        assertThat(event.path("message_text").asText()).isEqualTo("Test message from wappi.pro");
        assertThat(event.path("timestamp").asText()).isEqualTo("2024-07-12T10:36:55Z");
    }

    @Test
    void theVendorsSampleMessageIsOurOwnWhenOurSendReturnedItsId() throws Exception {
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                + " VALUES ('k', '79115576367', 'Test message from wappi.pro', ?, now())", SAMPLE_MESSAGE);

        pollTheSamples();

        await().atMost(WAIT).until(() -> !jdbc.queryForList("SELECT reason FROM message_logs WHERE message_id = ?",
                String.class, SAMPLE_MESSAGE).isEmpty());
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = ?", String.class,
                SAMPLE_MESSAGE)).isEqualTo("our own message: sent by this gateway");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(1))).isNull();
    }

    @Test
    void theIdsOfTheVendorsSendAnswerAreRecordedAsOurs() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send")).willReturn(okJson(sample("message-send-response.json"))));

        publishOutgoing(Map.of("outbox_id", "sample-outbox", "phone_number", "79115576362",
                "message_text", "Тестовое сообщение", "kind", "reply"), "corr-sample");

        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM own_messages"
                + " WHERE wappi_message_id = '3EB0128AE55B5D222DD0' AND task_id = '57411bfb-8f19-4d19-b6c1-2457b5164fd2'",
                Integer.class) == 1);
        STUBS.verify(postRequestedFor(urlPathEqualTo("/api/sync/message/send"))
                .withRequestBody(equalToJson(sample("message-send-request.json"))));
    }

    @Test
    void theVendorsWebhookSampleIsPublishedAsACustomerMessage() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", WEBHOOK_SECRET);

        ResponseEntity<String> answer = http.postForEntity("/webhooks/wappi",
                new HttpEntity<>(sample("webhook-incoming.json"), headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo("3A945DD9CDD3016BE11B");
        assertThat(message.path("phone_number").asText()).isEqualTo("79115576366");
        assertThat(message.path("message_text").asText()).isEqualTo("Ответ на сообщение");
        assertThat(message.path("sender_name").asText()).isEqualTo("Flood");
        assertThat(message.path("timestamp").asText()).isEqualTo("2024-10-21T08:27:57Z");
    }

    /** The samples are from 2024: the poller's first-start window is opened to them. */
    private void pollTheSamples() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        jdbc.update("INSERT INTO wappi_poll_state (id, since_time) VALUES (1, 0)");
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/chats/get")).atPriority(1).willReturn(okJson(sample("chats-get.json"))));
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/messages/get")).atPriority(1)
                .withQueryParam("chat_id", equalTo(SAMPLE_CHAT)).willReturn(okJson(sample("messages-get.json"))));
        camel.getRouteController().startRoute("wappi-poll");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = WappiVendorSamplesIT.class.getResourceAsStream("/wappi-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
