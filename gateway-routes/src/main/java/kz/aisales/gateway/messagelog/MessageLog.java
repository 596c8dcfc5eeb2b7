package kz.aisales.gateway.messagelog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes {@code message_logs}, and reads its newest rows back for {@code GET /logs/messages}. */
@Repository
public class MessageLog {

    private static final String INSERT = """
            INSERT INTO message_logs (message_id, chat_id, phone_number, direction, message_type, message_text,
                                      status, reason, correlation_id)
            VALUES (:messageId, :chatId, :phoneNumber, :direction, :messageType, :messageText,
                    :status, :reason, :correlationId)
            """;

    private static final String NEWEST = """
            SELECT id, message_id, chat_id, phone_number, direction, message_type, message_text, status, reason,
                   correlation_id, created_at
            FROM message_logs
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public MessageLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(MessageLogEntry entry) {
        jdbc.update(INSERT, new BeanPropertySqlParameterSource(entry));
    }

    /** The {@code limit} newest rows, newest first. */
    public List<LoggedMessage> newest(int limit) {
        return jdbc.query(NEWEST, Map.of("limit", limit), (row, i) -> new LoggedMessage(row.getLong("id"),
                row.getString("message_id"), row.getString("chat_id"), row.getString("phone_number"),
                row.getString("direction"), row.getString("message_type"), row.getString("message_text"),
                row.getString("status"), row.getString("reason"), row.getString("correlation_id"),
                row.getObject("created_at", OffsetDateTime.class).toString()));
    }
}
