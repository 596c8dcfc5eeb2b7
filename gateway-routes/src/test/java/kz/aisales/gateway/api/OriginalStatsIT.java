package kz.aisales.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import kz.aisales.gateway.config.StatsProperties;
import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /stats} also answers in the original system's fields, counted from today's rows in TIMEZONE. */
class OriginalStatsIT extends GatewayTestSupport {

    @Autowired
    StatsProperties stats;

    @Test
    void statsNeedTheKey() {
        ResponseEntity<String> without = http.getForEntity("/stats", String.class);

        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(without.getBody()).doesNotContain("messages_received_today");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOriginalsCountsAreTodaysForwardedSentAndTranscribedMessages() {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime yesterday = LocalDate.now(stats.timezone()).atStartOfDay(stats.timezone()).toOffsetDateTime()
                .minusMinutes(1);
        log("incoming", "forwarded", now, 3);
        log("incoming", "filtered", now, 1);
        log("incoming", "transcribed", now, 2);
        log("incoming", "transcription_failed", now, 1);
        log("outgoing", "sent", now, 4);
        log("outgoing", "failed", now, 1);
        log("incoming", "forwarded", yesterday, 5);
        log("outgoing", "sent", yesterday, 5);
        log("incoming", "transcribed", yesterday, 5);

        Map<String, Object> answer = read("/stats", Map.class);

        assertThat(answer).containsEntry("date", LocalDate.now(stats.timezone()).toString())
                .containsEntry("messages_received_today", 3).containsEntry("messages_sent_today", 4)
                .containsEntry("voice_transcribed_today", 2).containsKeys("today", "since", "queues");
    }

    @Test
    void queueSizesAreTheDepthsOfTheIncomingOutgoingAndVoiceQueues() {
        rabbit.send("", queues.incoming(), new Message("{}".getBytes()));
        rabbit.send("", queues.incoming(), new Message("{}".getBytes()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(read("/stats", Map.class).get("queue_sizes"))
                .isEqualTo(Map.of("incoming", 2, "outgoing", 0, "voice", 0)));
    }

    private void log(String direction, String status, OffsetDateTime at, int rows) {
        for (int i = 0; i < rows; i++) {
            jdbc.update("INSERT INTO message_logs (message_id, phone_number, direction, status, created_at)"
                    + " VALUES (?, '77015551234', ?, ?, ?)", "OS-" + status + i, direction, status, at);
        }
    }
}
