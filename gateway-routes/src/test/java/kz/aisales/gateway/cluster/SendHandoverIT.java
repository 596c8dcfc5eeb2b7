package kz.aisales.gateway.cluster;

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

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.gateway.config.SendingProperties;
import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replica that begins to send for the number (here: the previous sender's last call recorded just now) waits out
 * that sender's rate window before its first call, so the budget holds across the handover; with no recent call it
 * sends at once.
 */
class SendHandoverIT extends GatewayTestSupport {

    @Autowired
    SendingProperties sending;

    @Test
    void aNewSenderWaitsUntilThePreviousSendersCallsLeftTheRateWindow() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0HANDOVER\",\"task_id\":\"t\"}")));
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, sent_at) VALUES (?, '77000000001', ?, now())",
                "handover-" + UUID.randomUUID(), "the previous leader's last call");
        long begun = System.currentTimeMillis();
        handover.begin();
        assertThat(handover.millisLeft()).isGreaterThan(sending.rateWindowMillis() - 1_000);

        publishOutgoing(message(newChat().replace("@c.us", ""), "after the handover"), "corr-handover-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> sends().size() == 1);
        assertThat(sends().get(0).getLoggedDate().getTime() - begun).as("waited for the previous sender's window")
                .isGreaterThanOrEqualTo(sending.rateWindowMillis() - 500);
    }

    @Test
    void withNoRecentCallTheNewSenderSendsAtOnce() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0NOWAIT\",\"task_id\":\"t\"}")));
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, attempted_at, sent_at)"
                + " VALUES (?, '77000000001', ?, now() - interval '1 hour', now() - interval '1 hour')",
                "handover-" + UUID.randomUUID(), "an old call");
        handover.begin();
        assertThat(handover.millisLeft()).isZero();
        long begun = System.currentTimeMillis();

        publishOutgoing(message(newChat().replace("@c.us", ""), "nothing to wait for"), "corr-handover-2");

        await().atMost(Duration.ofSeconds(30)).until(() -> sends().size() == 1);
        assertThat(sends().get(0).getLoggedDate().getTime() - begun).isLessThan(sending.rateWindowMillis() - 1_000);
    }

    private static List<LoggedRequest> sends() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
    }

    private static Map<String, Object> message(String phone, String text) {
        return Map.of("outbox_id", UUID.randomUUID().toString(), "phone_number", phone, "message_text", text,
                "mark_as_read", false, "kind", "reply", "created_at", "2026-11-25T14:30:07+05:00");
    }
}
