package kz.aisales.gateway.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The poller's memory in PostgreSQL: chat cursors, the first-start baseline, the last successful poll. */
@Repository
public class PollState {

    private final NamedParameterJdbcTemplate jdbc;

    public PollState(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, ChatCursor> cursors() {
        Map<String, ChatCursor> cursors = new HashMap<>();
        jdbc.query("SELECT chat_id, last_message_id, last_time FROM wappi_chat_cursors", row -> {
            cursors.put(row.getString("chat_id"),
                    new ChatCursor(row.getString("chat_id"), row.getString("last_message_id"), row.getLong("last_time")));
        });
        return cursors;
    }

    @Transactional
    public void save(List<ChatCursor> cursors) {
        MapSqlParameterSource[] rows = cursors.stream().map(cursor -> new MapSqlParameterSource()
                .addValue("chatId", cursor.chatId())
                .addValue("lastMessageId", cursor.lastMessageId())
                .addValue("lastTime", cursor.lastTime())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO wappi_chat_cursors (chat_id, last_message_id, last_time, updated_at)
                VALUES (:chatId, :lastMessageId, :lastTime, now())
                ON CONFLICT (chat_id) DO UPDATE SET last_message_id = EXCLUDED.last_message_id,
                    last_time = EXCLUDED.last_time, updated_at = now()
                """, rows);
    }

    /** The chat list's order at the last successful poll, newest activity first (empty before the first one). */
    public List<String> chatOrder() {
        List<String> orders = jdbc.queryForList("SELECT chat_order FROM wappi_poll_state WHERE id = 1", Map.of(),
                String.class);
        String order = orders.isEmpty() ? null : orders.get(0);
        return order == null || order.isEmpty() ? List.of() : List.of(order.split("\n"));
    }

    public void saveChatOrder(List<String> chatIds) {
        jdbc.update("UPDATE wappi_poll_state SET chat_order = :order WHERE id = 1",
                Map.of("order", String.join("\n", chatIds)));
    }

    /** Unix seconds before which chats never seen are not read; fixed on the very first poll. */
    public long since(long firstStartSince) {
        jdbc.update("INSERT INTO wappi_poll_state (id, since_time) VALUES (1, :since) ON CONFLICT (id) DO NOTHING",
                Map.of("since", firstStartSince));
        Long since = jdbc.queryForObject("SELECT since_time FROM wappi_poll_state WHERE id = 1", Map.of(), Long.class);
        return since == null ? firstStartSince : since;
    }

    public void pollSucceeded() {
        jdbc.update("UPDATE wappi_poll_state SET last_success_at = now() WHERE id = 1", Map.of());
    }

    public Optional<Instant> lastSuccess() {
        List<OffsetDateTime> times = jdbc.query("SELECT last_success_at FROM wappi_poll_state WHERE id = 1",
                (row, i) -> row.getObject("last_success_at", OffsetDateTime.class));
        return times.stream().filter(Objects::nonNull).map(OffsetDateTime::toInstant).findFirst();
    }
}
