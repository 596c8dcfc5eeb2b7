package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** {@code SEND_MIN_GAP_SECONDS}: two messages to one customer are at least that far apart. */
@TestPropertySource(properties = {"sending.min-gap-seconds=2",
        "queues.incoming=gw-test.gap.incoming_messages", "queues.outgoing=gw-test.gap.outgoing_messages",
        "queues.outgoing-follow-ups=gw-test.gap.outgoing_follow_ups", "queues.voice=gw-test.gap.voice_transcription"})
@DirtiesContext
class SendGapIT extends GatewayTestSupport {

    @Test
    void twoMessagesToOneCustomerAreAtLeastTheMinimumGapApart() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0GAP\",\"task_id\":\"t\"}")));
        String phone = newChat().replace("@c.us", "");

        publishOutgoing(message(phone, "first"), "corr-gap-1");
        publishOutgoing(message(phone, "second"), "corr-gap-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send"))).size() == 2);
        List<Long> times = STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send"))).stream()
                .map(request -> request.getLoggedDate().getTime()).sorted().toList();
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void aCustomerWaitingForTheGapDoesNotHoldTheOthersAndGetsTheirMessagesInOrder() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0RR\",\"task_id\":\"t\"}")));
        String manager = newChat().replace("@c.us", "");
        String customer = newChat().replace("@c.us", "");

        publishOutgoing(message(manager, "notice 1"), "corr-rr-1");
        publishOutgoing(message(manager, "notice 2"), "corr-rr-2");
        publishOutgoing(message(manager, "notice 3"), "corr-rr-3");
        publishOutgoing(message(customer, "reply"), "corr-rr-4");

        await().atMost(Duration.ofSeconds(30)).until(() -> sends().size() == 4);
        List<String> order = sends().stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString()).path("body").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        // without the round robin: notice 1, notice 2 (2 s), notice 3 (2 s), and only then the customer's reply
        assertThat(order).containsExactly("notice 1", "reply", "notice 2", "notice 3");
        List<Long> times = sends().stream().map(request -> request.getLoggedDate().getTime()).toList();
        assertThat(times.get(1) - times.get(0)).isLessThan(1500);
        assertThat(times.get(3) - times.get(2)).isGreaterThanOrEqualTo(1900);
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sends() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send"))).stream()
                .sorted(java.util.Comparator.comparing(request -> request.getLoggedDate().getTime())).toList();
    }

    private static Map<String, Object> message(String phone, String text) {
        Map<String, Object> message = new HashMap<>();
        message.put("outbox_id", UUID.randomUUID().toString());
        message.put("phone_number", phone);
        message.put("message_text", text);
        message.put("mark_as_read", false);
        message.put("kind", "reply");
        message.put("created_at", "2026-11-25T14:30:07+05:00");
        return message;
    }
}
