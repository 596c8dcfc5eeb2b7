package kz.aisales.agent.api;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.control.ConversationControl;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** What operators read and change through the agent's REST API. */
@Service
public class ContactsService {

    private static final String CONTACT_COLUMNS = """
            phone_number, chat_id, first_name, full_name, push_name, business_name, is_client,
            classification_confidence, classification_reason, classified_at, needs_human, paused_until,
            opted_out, language, last_message_at, created_at, updated_at, needs_human_reason, payment_claimed_at,
            payment_amount, payment_currency, payment_date, payment_payer, payment_merchant""";

    private static final int MAX_PAUSE_HOURS = 24 * 365;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingHoursProperties hours;
    private final ConversationControl control;

    public ContactsService(NamedParameterJdbcTemplate jdbc, Clock clock, WorkingHoursProperties hours, ConversationControl control) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hours = hours;
        this.control = control;
    }

    /**
     * Contacts by class, messages and replies today ("today" is the business's day in its time zone), follow-ups and
     * calls; the original system's field names ({@code unclassified}, {@code bot_messages_today},
     * {@code active_followups}) beside today's.
     */
    public Map<String, Object> stats() {
        OffsetDateTime today = LocalDate.now(clock.withZone(hours.timezone())).atStartOfDay(hours.timezone()).toOffsetDateTime();
        Map<String, Object> params = Map.of("today", today, "now", OffsetDateTime.now(clock));
        Map<String, Object> contacts = jdbc.queryForMap("""
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE is_client) AS clients,
                       count(*) FILTER (WHERE is_client = FALSE) AS non_clients,
                       count(*) FILTER (WHERE is_client IS NULL) AS unknown,
                       count(*) FILTER (WHERE is_client IS NULL) AS unclassified,
                       count(*) FILTER (WHERE needs_human) AS needs_human
                FROM contacts""", params);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("contacts", contacts);
        stats.put("messages_today", count("SELECT count(*) FROM messages WHERE role = 'user' AND sent_at >= :today", params));
        long replies = count("SELECT count(*) FROM messages WHERE role = 'assistant' AND sent_at >= :today", params);
        stats.put("replies_today", replies);
        stats.put("bot_messages_today", replies);
        long activeFollowUps = count("SELECT count(*) FROM follow_ups WHERE status = 'active'", params);
        stats.put("active_follow_ups", activeFollowUps);
        stats.put("active_followups", activeFollowUps);
        stats.put("scheduled_calls", count("SELECT count(*) FROM scheduled_calls WHERE status = 'scheduled' AND scheduled_at >= :now", params));
        return stats;
    }

    /**
     * Contacts, optionally by class ({@code true}, {@code false}, {@code null}) and by whether the agent is paused for
     * them, newest first, in the original system's shape: {@code {count, contacts: [{id, phone_number, name, is_client,
     * last_message_at, ...}]}}, each with every field of {@code GET /contacts/{phone}}'s contact.
     */
    public Map<String, Object> contacts(@Header("is_client") String isClient, @Header("paused") String paused) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource("now", OffsetDateTime.now(clock));
        if (isClient != null && !isClient.isBlank()) {
            if ("null".equalsIgnoreCase(isClient)) {
                conditions.add("is_client IS NULL");
            } else {
                params.addValue("client", flag(isClient, "is_client must be true, false or null"));
                conditions.add("is_client = :client");
            }
        }
        if (paused != null && !paused.isBlank()) {
            conditions.add(flag(paused, "paused must be true or false")
                    ? "paused_until > :now" : "(paused_until IS NULL OR paused_until <= :now)");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Map<String, Object>> contacts = jdbc.query("SELECT id, " + CONTACT_COLUMNS + ", " + ContactStatus.NAME_SQL
                + " AS name FROM contacts c" + where + " ORDER BY last_message_at DESC NULLS LAST LIMIT 1000", params, ContactsService::row);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("count", contacts.size());
        answer.put("contacts", contacts);
        return answer;
    }

    /** The agent stays silent with the contact for {@code hours} (default {@code OPERATOR_PAUSE_HOURS}); null if unknown. */
    public Map<String, Object> pause(@Header("phone") String phone, @Header("hours") String hoursText) {
        return control.pause(phone, pauseHours(hoursText)) ? contact(phone) : null;
    }

    /** The agent answers the contact's next message again; what they wrote before is not answered. Null if unknown. */
    public Map<String, Object> resume(@Header("phone") String phone) {
        return control.resume(phone) ? contact(phone) : null;
    }

    /** The {@code hours} parameter: absent (null), or a whole number of hours up to a year. */
    private static Integer pauseHours(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().matches("\\d{1,5}")) {
            int hours = Integer.parseInt(text.strip());
            if (hours >= 1 && hours <= MAX_PAUSE_HOURS) {
                return hours;
            }
        }
        throw new IllegalArgumentException("hours must be a whole number from 1 to " + MAX_PAUSE_HOURS);
    }

    private static boolean flag(String value, String error) {
        if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
            throw new IllegalArgumentException(error);
        }
        return Boolean.parseBoolean(value);
    }

    /** The contact with its status and name as the console shows them, and its active follow-up, if any; null if unknown. */
    public Map<String, Object> contact(@Header("phone") String phone) {
        List<Map<String, Object>> found = jdbc.query("SELECT " + CONTACT_COLUMNS + ", " + ContactStatus.SQL + " AS status, "
                        + ContactStatus.NAME_SQL + " AS name FROM contacts c WHERE phone_number = :phone",
                Map.of("phone", phone, "now", OffsetDateTime.now(clock)), ContactsService::row);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> contact = found.get(0);
        contact.put("follow_up", jdbc.query("""
                SELECT f.id AS follow_up_id, f.touch_number, f.next_follow_up_at FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
                WHERE c.phone_number = :phone AND f.status = 'active'""", Map.of("phone", phone), (rs, row) -> {
                    Map<String, Object> followUp = new LinkedHashMap<>();
                    followUp.put("follow_up_id", rs.getLong("follow_up_id"));
                    followUp.put("touch_number", rs.getInt("touch_number"));
                    OffsetDateTime due = rs.getObject("next_follow_up_at", OffsetDateTime.class);
                    followUp.put("next_due_local", due == null ? null : due.atZoneSameInstant(hours.timezone()).toOffsetDateTime().toString());
                    return followUp;
                }).stream().findFirst().orElse(null));
        return contact;
    }

    public List<Map<String, Object>> messages(@Header("phone") String phone) {
        return jdbc.query("""
                SELECT m.message_id, m.role, m.message_text, m.message_type, m.is_voice, m.transcription_status, m.kind, m.intent, m.sent_at, m.handled_at, m.reply_id,
                       m.media_status, CASE WHEN f.data IS NOT NULL THEN f.mime_type END AS media_mime_type, f.file_name AS media_file_name,
                       f.size_bytes AS media_size_bytes
                FROM messages m JOIN contacts c ON c.id = m.contact_id LEFT JOIN message_media f ON f.message_id = m.message_id
                WHERE c.phone_number = :phone ORDER BY m.sent_at, m.id""", Map.of("phone", phone), ContactsService::row);
    }

    /** An operator's verdict: stored like the moderator's, with confidence 1; {@code false} silences the agent. */
    public Map<String, Object> classify(@Header("phone") String phone, @Body ClassificationChange change) {
        int updated = jdbc.update("""
                UPDATE contacts SET is_client = :client, classification_confidence = 1,
                    classification_reason = :reason, classified_at = :now, updated_at = :now
                WHERE phone_number = :phone""", new MapSqlParameterSource()
                .addValue("client", change.isClient())
                .addValue("reason", change.reason() == null || change.reason().isBlank() ? "set by an operator" : change.reason())
                .addValue("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .addValue("phone", phone));
        return updated == 0 ? null : contact(phone);
    }

    /** Booked calls with {@code status} ({@code scheduled}, the default, or {@code all}, ...), soonest first. */
    public List<Map<String, Object>> scheduledCalls(@Header("status") String status) {
        String wanted = status == null || status.isBlank() ? "scheduled" : status.strip();
        if (!"all".equals(wanted) && !"scheduled".equals(wanted) && !ConsoleActions.CALL_OUTCOMES.contains(wanted)) {
            throw new IllegalArgumentException("status must be scheduled, done, no_show, cancelled or all");
        }
        return jdbc.query("""
                SELECT s.id, c.phone_number, c.first_name, c.full_name, s.scheduled_at,
                       to_char(timezone(:zone, s.scheduled_at), 'YYYY-MM-DD"T"HH24:MI') AS scheduled_local, s.status, s.notes, s.created_at
                FROM scheduled_calls s JOIN contacts c ON c.id = s.contact_id
                WHERE :status = 'all' OR s.status = :status ORDER BY s.scheduled_at""",
                Map.of("zone", hours.timezone().getId(), "status", wanted), ContactsService::row);
    }

    private long count(String sql, Map<String, Object> params) {
        Long value = jdbc.queryForObject(sql, params, Long.class);
        return value == null ? 0 : value;
    }

    /** A row as JSON-friendly values: timestamps as ISO-8601 strings. */
    private static Map<String, Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = "timestamptz".equals(meta.getColumnTypeName(i)) ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
            row.put(meta.getColumnLabel(i), value instanceof OffsetDateTime time ? time.toString() : value);
        }
        return row;
    }
}
