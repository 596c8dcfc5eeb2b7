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
