package kz.aisales.gateway.messagelog;

import org.springframework.jdbc.core.namedparam.BeanPropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes {@code message_logs}. */
@Repository
public class MessageLog {

    private static final String INSERT = """
            INSERT INTO message_logs (message_id, chat_id, phone_number, direction, message_type, message_text,
                                      status, reason, correlation_id)
            VALUES (:messageId, :chatId, :phoneNumber, :direction, :messageType, :messageText,
                    :status, :reason, :correlationId)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public MessageLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(MessageLogEntry entry) {
        jdbc.update(INSERT, new BeanPropertySqlParameterSource(entry));
    }
}
