package kz.aisales.agent.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import kz.aisales.agent.config.WorkingHoursProperties;

import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** The console's inbox: conversations newest first with their status and last message, and counts per status. */
@Service
public class InboxService {

    static final int LAST_MESSAGE_CHARS = 200;
    private static final int MAX_LIMIT = 1000;
    /** A search that looks like (part of) a number, as people write one: digits with spaces, dashes, brackets, a plus. */
    private static final Pattern PHONE = Pattern.compile("[+]?[\\d\\s()-]*\\d[\\d\\s()-]*");

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingHoursProperties hours;

    public InboxService(NamedParameterJdbcTemplate jdbc, Clock clock, WorkingHoursProperties hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hours = hours;
    }

    /**
     * Conversations with status {@code status} (absent or {@code all}: every one) whose name or number contains
     * {@code q}, at most {@code limit} (default 200); the counts per status are of the search, whatever the status.
     */
    public Map<String, Object> conversations(@Header("status") String status, @Header("q") String q, @Header("limit") String limit) {
        String wanted = ContactStatus.checked(status);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("now", OffsetDateTime.now(clock))
                .addValue("q", q == null || q.isBlank() ? null : "%" + likeEscaped(q.strip().toLowerCase(Locale.ROOT)) + "%")
                .addValue("digits", q == null || !PHONE.matcher(q.strip()).matches() ? null : "%" + q.replaceAll("\\D", "") + "%")
                .addValue("status", wanted)
                .addValue("limit", limit(limit));
        String matching = """
                WITH listed AS (
                    SELECT c.*, %s AS status, %s AS name FROM contacts c
                    WHERE CAST(:q AS TEXT) IS NULL OR c.phone_number LIKE :digits
                       OR lower(concat_ws(' ', c.first_name, c.full_name, c.push_name)) LIKE :q)
                """.formatted(ContactStatus.SQL, ContactStatus.NAME_SQL);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("all", 0L);
        ContactStatus.ALL.forEach(name -> counts.put(name, 0L));
        jdbc.query(matching + "SELECT status, count(*) AS n FROM listed GROUP BY status", params, rs -> {
            counts.put(rs.getString("status"), rs.getLong("n"));
            counts.put("all", (Long) counts.get("all") + rs.getLong("n"));
        });
        List<Map<String, Object>> conversations = jdbc.query(matching + """
                SELECT l.phone_number, l.name, l.status, l.paused_until, l.is_client, l.needs_human, l.opted_out,
                       l.last_message_at,
                       (SELECT count(*) FROM messages u WHERE u.contact_id = l.id AND u.role = 'user' AND u.handled_at IS NULL) AS unanswered,
                       m.role, m.kind, left(m.message_text, %d) AS text, m.sent_at
                FROM listed l
                LEFT JOIN LATERAL (SELECT role, kind, message_text, sent_at FROM messages
                                   WHERE contact_id = l.id ORDER BY sent_at DESC, id DESC LIMIT 1) m ON TRUE
                WHERE CAST(:status AS TEXT) IS NULL OR l.status = :status
                ORDER BY l.last_message_at DESC NULLS LAST, l.id DESC
                LIMIT :limit""".formatted(LAST_MESSAGE_CHARS), params, (rs, row) -> {
                    Map<String, Object> conversation = new LinkedHashMap<>();
                    conversation.put("phone_number", rs.getString("phone_number"));
                    conversation.put("phone_masked", ContactStatus.masked(rs.getString("phone_number")));
                    conversation.put("name", rs.getString("name"));
                    conversation.put("status", rs.getString("status"));
                    conversation.put("paused_until", iso(rs.getObject("paused_until", OffsetDateTime.class)));
                    conversation.put("is_client", rs.getObject("is_client"));
                    conversation.put("needs_human", rs.getBoolean("needs_human"));
                    conversation.put("opted_out", rs.getBoolean("opted_out"));
                    conversation.put("last_message_at", iso(rs.getObject("last_message_at", OffsetDateTime.class)));
                    conversation.put("unanswered", rs.getLong("unanswered"));
                    if (rs.getString("role") == null) {
                        conversation.put("last_message", null);
                    } else {
                        Map<String, Object> last = new LinkedHashMap<>();
                        last.put("role", rs.getString("role"));
                        last.put("kind", rs.getString("kind"));
                        last.put("text", rs.getString("text"));
                        last.put("sent_at", iso(rs.getObject("sent_at", OffsetDateTime.class)));
                        conversation.put("last_message", last);
                    }
                    return conversation;
                });
        Map<String, Object> inbox = new LinkedHashMap<>();
        inbox.put("timezone", hours.timezone().getId());
        inbox.put("counts", counts);
        inbox.put("conversations", conversations);
        return inbox;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 200;
        }
        if (!text.strip().matches("\\d{1,4}") || Integer.parseInt(text.strip()) < 1 || Integer.parseInt(text.strip()) > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(text.strip());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }
}
