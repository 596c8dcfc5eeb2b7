package kz.aisales.gateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class StatsAndHealthIT extends GatewayTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void statsCountTodaysMessagesAndShowEveryQueueDepth() throws Exception {
        wappi.add(WappiStub.text("S" + UUID.randomUUID(), newChat(), now(), "one"),
                WappiStub.text("S" + UUID.randomUUID(), newChat(), now(), "two"));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message_logs WHERE status = 'forwarded'", Integer.class) == 2);

        Map<String, Object> stats = read("/stats", Map.class);

        assertThat((Map<String, Object>) stats.get("today")).containsEntry("received", 2).containsEntry("sent", 0)
                .containsKeys("voice_transcribed", "voice_failed", "filtered", "send_failed");
        assertThat((Map<String, Object>) stats.get("queues")).containsEntry(queues.incoming(), 2)
                .containsEntry(queues.deadLetter(queues.outgoing()), 0)
                .containsKeys(queues.voice(), queues.outgoing(), queues.deadLetter(queues.incoming()),
                        queues.deadLetter(queues.voice()));
    }

    @Test
    void healthShowsTheWappiProfileAndTheLastSuccessfulPollButNoToken() {
        STUBS.stubFor(get(urlPathEqualTo("/api/sync/get/status")).withHeader("Authorization", equalTo(WAPPI_TOKEN))
                .willReturn(okJson("{\"status\":\"done\",\"authorized\":true,\"phone\":\"79602041988\"}")));
        Instant before = Instant.now();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM wappi_poll_state WHERE last_success_at IS NOT NULL", Integer.class) == 1);

        ResponseEntity<String> response = http.getForEntity("/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("\"wappi_profile\":\"authorized\"").doesNotContain(WAPPI_TOKEN)
                .doesNotContain(GEMINI_KEY);
        Map<?, ?> health = http.getForObject("/health", Map.class);
        assertThat(Instant.parse((String) health.get("last_successful_poll"))).isAfter(before.minusSeconds(1));
    }
}
