package kz.aisales.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /logs/messages}: the newest message log rows first, as many as {@code limit} says (50, at most 500). */
class MessageLogRoutesIT extends GatewayTestSupport {

    private static final OffsetDateTime NOW = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void theLogNeedsTheKey() {
        insert(1);

        ResponseEntity<String> without = http.getForEntity("/logs/messages", String.class);

        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(without.getBody()).doesNotContain("77015550000").doesNotContain("text 0");
        assertThat(http.exchange("/logs/messages", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNewestRowsComeFirstWithEveryColumn() {
        insert(5);

        List<Map<String, Object>> rows = read("/logs/messages?limit=3", List.class);

        assertThat(rows).extracting(row -> row.get("message_id")).containsExactly("LM-0", "LM-1", "LM-2");
        assertThat(rows.get(0)).containsOnlyKeys("id", "message_id", "chat_id", "phone_number", "direction",
                "message_type", "message_text", "status", "reason", "correlation_id", "created_at")
                .containsEntry("chat_id", "77015550000@c.us").containsEntry("phone_number", "77015550000")
                .containsEntry("direction", "incoming").containsEntry("message_type", "chat")
                .containsEntry("message_text", "text 0").containsEntry("status", "forwarded")
                .containsEntry("reason", "text -> incoming_messages").containsEntry("correlation_id", "LM-0");
        assertThat(OffsetDateTime.parse((String) rows.get(0).get("created_at"))).isAtSameInstantAs(NOW);
        assertThat(OffsetDateTime.parse((String) rows.get(2).get("created_at"))).isAtSameInstantAs(NOW.minusMinutes(2));
    }

    @Test
    void withoutALimitTheFiftyNewestRowsAreShown() {
        insert(60);

        List<?> rows = read("/logs/messages", List.class);

        assertThat(rows).hasSize(50);
    }

    @Test
    void aLimitOutsideOneToFiveHundredOrNotANumberIs400() {
        for (String limit : List.of("0", "-1", "501", "ten", "2.5")) {
            ResponseEntity<Map> answer = http.exchange("/logs/messages?limit=" + limit, HttpMethod.GET, withKey(), Map.class);

            assertThat(answer.getStatusCode()).as(limit).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((String) answer.getBody().get("error")).as(limit).contains("1 to 500");
        }
        assertThat(read("/logs/messages?limit=500", List.class)).isEmpty();
    }

    /**
     * {@code rows} forwarded messages, {@code LM-0} the newest, one minute apart, written in a shuffled order (so
     * neither the table's order nor the ids' is the answer).
     */
    private void insert(int rows) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
            jdbc.update("""
                    INSERT INTO message_logs (message_id, chat_id, phone_number, direction, message_type, message_text,
                                              status, reason, correlation_id, created_at)
                    VALUES (?, '77015550000@c.us', '77015550000', 'incoming', 'chat', ?, 'forwarded',
                            'text -> incoming_messages', ?, ?)""", "LM-" + i, "text " + i, "LM-" + i, NOW.minusMinutes(i));
        }
    }
}
