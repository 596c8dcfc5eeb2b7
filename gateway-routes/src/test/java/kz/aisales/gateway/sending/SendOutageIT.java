package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * A database outage in the send path is no fault of the message: it is retried until it ends (well past
 * SEND_MAX_RETRIES, 3 here), then sent once, and never dead-lettered. The fault is woven into the shared context once
 * and armed only while the test runs.
 */
class SendOutageIT extends GatewayTestSupport {

    private static final AtomicInteger OUTAGE = new AtomicInteger();
    private static CamelContext advised;

    @AfterEach
    void disarm() {
        OUTAGE.set(0);
    }

    @Test
    void aReplyWaitsOutADatabaseOutageAndIsSentOnce() throws Exception {
        if (advised != camel) {
            AdviceWith.adviceWith(camel, "wappi-send", route -> route.weaveAddFirst().process(exchange -> {
                if (OUTAGE.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                    throw new CannotGetJdbcConnectionException("injected: PostgreSQL is restarting");
                }
            }).id("inject-database-outage"));
            advised = camel;
        }
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0OUTAGE\",\"task_id\":\"t\"}")));
        OUTAGE.set(8);
        String outbox = UUID.randomUUID().toString();

        publishOutgoing(Map.of("outbox_id", outbox, "phone_number", "77015550001", "message_text", "После сбоя",
                "kind", "reply"), "corr-outage");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message_logs WHERE correlation_id = 'corr-outage' AND status = 'sent'", Integer.class) == 1);
        assertThat(OUTAGE.get()).isZero();
        STUBS.verify(1, postRequestedFor(urlPathEqualTo("/api/sync/message/send")));
        assertThat(receiveRaw(queues.deadLetter(queues.outgoing()), Duration.ofMillis(500))).isNull();
    }
}
