package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A ban signal stops follow-ups from the next send on, while replies still go; the manager hears of it once; an
 * operator's resume lets the held follow-up go.
 */
@TestPropertySource(properties = {"sending.manager-phone=+7 701 999 0000", "sending.paused-wait-ms=200",
        "queues.incoming=gw-test.pause.incoming_messages", "queues.outgoing=gw-test.pause.outgoing_messages",
        "queues.outgoing-follow-ups=gw-test.pause.outgoing_follow_ups", "queues.voice=gw-test.pause.voice_transcription"})
@DirtiesContext
class SendingPauseIT extends GatewayTestSupport {

    private static final String SEND = "/api/sync/message/send";
    private static final String MANAGER = "77019990000";

    @Test
    void aBanSignalHoldsTheNextFollowUpWhileRepliesAndTheManagersNoticeGo() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0BAN\"}")));
        String first = phone();
        publishFollowUp(message(first, "follow_up"), "corr-pause-first");
        await().atMost(Duration.ofSeconds(15)).until(() -> recipients().contains(first));

        ban("3EB0BAN");
        ban("3EB0BAN");
        String held = phone();
        publishFollowUp(message(held, "follow_up"), "corr-pause-held");
        String wrote = phone();
        publishOutgoing(message(wrote, "reply"), "corr-pause-reply");

        await().atMost(Duration.ofSeconds(15)).until(() -> recipients().containsAll(List.of(wrote, MANAGER)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !recipients().contains(held));
        assertThat(recipients()).as("one notice for two ban events").containsOnlyOnce(MANAGER);
        assertThat(sent(MANAGER).path("body").asText()).contains("temporary ban").contains("приостановлены");
        assertThat(read("/wappi/sending", Map.class)).containsEntry("paused", true);

        http.postForEntity("/wappi/sending/resume", asOperator(Map.of()), Map.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> recipients().contains(held));
        assertThat(recipients()).containsOnlyOnce(held);
    }

    private void ban(String messageId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", WEBHOOK_SECRET);
        String event = JSON.createObjectNode().put("wh_type", "delivery_status").put("profile_id", "test-profile")
                .put("id", messageId).put("delivery_status", "temporary ban").put("time", now()).toString();
        ResponseEntity<String> answer = http.postForEntity("/webhooks/wappi",
                new HttpEntity<>("{\"messages\":[" + event + "]}", headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(answer.getBody()).isTrue();
    }

    private static Map<String, Object> message(String phone, String kind) {
        return Map.of("outbox_id", UUID.randomUUID().toString(), "phone_number", phone,
                "message_text", "Добрый день! Удалось подумать о курсе?", "mark_as_read", false, "kind", kind);
    }

    private static JsonNode sent(String phone) {
        return sends().stream().map(SendingPauseIT::body).filter(body -> body.path("recipient").asText().equals(phone))
                .findFirst().orElseThrow();
    }

    private static List<String> recipients() {
        return sends().stream().map(request -> body(request).path("recipient").asText()).toList();
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LoggedRequest> sends() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo(SEND)));
    }

    private static String phone() {
        return newChat().replace("@c.us", "");
    }
}
