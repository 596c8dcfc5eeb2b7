package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;

/** Replies and follow-ups share the rate limit, and a reply waiting is never queued behind a follow-up. */
class SendPriorityIT extends GatewayTestSupport {

    @Test
    void aReplyQueuedTogetherWithFollowUpsIsSentBeforeThem() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0PRIO\",\"task_id\":\"t\"}")));
        int limit = Integer.parseInt(camel.resolvePropertyPlaceholders("{{sending.rate-limit}}"));
        long periodMs = Long.parseLong(camel.resolvePropertyPlaceholders("{{sending.rate-period-seconds}}")) * 1000;
        String phone = newChat().replace("@c.us", "");

        for (int i = 0; i < limit; i++) {
            publishOutgoing(message(phone, "earlier reply " + i, "reply"), "corr-fill-" + i);
        }
        for (int i = 0; i < 3; i++) {
            publishFollowUp(message(phone, "touch " + i, "follow_up"), "corr-touch-" + i);
        }
        publishOutgoing(message(phone, "the waiting reply", "reply"), "corr-waiting");

        await().atMost(Duration.ofMillis(periodMs * 5)).until(() -> sentTo(phone).size() == limit + 4);
        List<String> order = sentTo(phone);
        // every reply (their order among themselves is not the point) goes out before any follow-up touch
        int lastReply = 0;
        int firstTouch = order.size();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).startsWith("touch ")) {
                firstTouch = Math.min(firstTouch, i);
            } else {
                lastReply = i;
            }
        }
        assertThat(order).contains("the waiting reply", "touch 0", "touch 1", "touch 2");
        assertThat(lastReply).as("sent in this order: %s", order).isLessThan(firstTouch);
    }

    @Test
    void aFollowUpAloneIsSentAndLogged() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0ALONE\",\"task_id\":\"t\"}")));
        String phone = newChat().replace("@c.us", "");

        publishFollowUp(message(phone, "Иван, удалось подумать?", "follow_up"), "follow-up-7");

        await().atMost(Duration.ofSeconds(20)).until(() -> sentTo(phone).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("SELECT count(*) FROM message_logs"
                + " WHERE phone_number = ? AND status = 'sent' AND message_type = 'follow_up'", Integer.class, phone) == 1);
    }

    private List<String> sentTo(String phone) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(SendPriorityIT::json)
                .filter(body -> phone.equals(body.path("recipient").asText()))
                .map(body -> body.path("body").asText())
                .toList();
    }

    private static JsonNode json(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> message(String phone, String text, String kind) {
        Map<String, Object> message = new HashMap<>();
        message.put("outbox_id", UUID.randomUUID().toString());
        message.put("phone_number", phone);
        message.put("message_text", text);
        message.put("mark_as_read", false);
        message.put("kind", kind);
        message.put("created_at", "2026-11-25T14:30:07+05:00");
        return message;
    }
}
