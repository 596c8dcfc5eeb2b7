package kz.aisales.agent.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import kz.aisales.agent.config.QueueProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.support.operations.QueueDepths;

import org.apache.camel.Header;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The console's dashboard for a period of local days: the funnel of the contacts who first wrote in it (new ->
 * clients -> answered by the agent -> booked a call or said yes), customer messages and replies per day, customers
 * who wrote back after each follow-up touch, the median time from a new contact's first message to our first answer,
 * the fallbacks, Gemini's calls and failures since the service started, and the queues' and dead-letter queues' depths.
 */
@Service
public class DashboardService {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingHoursProperties hours;
    private final MeterRegistry meters;
    private final QueueDepths depths;
    private final QueueProperties queues;

    public DashboardService(NamedParameterJdbcTemplate jdbc, Clock clock, WorkingHoursProperties hours, MeterRegistry meters,
            QueueDepths depths, QueueProperties queues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hours = hours;
        this.meters = meters;
        this.depths = depths;
        this.queues = queues;
    }

    public Map<String, Object> dashboard(@Header("from") String fromText, @Header("to") String toText) {
        LocalDate to = toText == null || toText.isBlank() ? LocalDate.now(clock.withZone(hours.timezone())) : date(toText, "to");
        LocalDate from = fromText == null || fromText.isBlank() ? to.minusDays(DEFAULT_DAYS - 1L) : date(fromText, "from");
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("from must be on or before to, at most " + MAX_DAYS + " days apart");
        }
        MapSqlParameterSource period = new MapSqlParameterSource()
                .addValue("from", from.atStartOfDay(hours.timezone()).toOffsetDateTime())
                .addValue("until", to.plusDays(1).atStartOfDay(hours.timezone()).toOffsetDateTime())
                .addValue("first", from).addValue("last", to)
                .addValue("zone", hours.timezone().getId());
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("from", from.toString());
        dashboard.put("to", to.toString());
        dashboard.put("timezone", hours.timezone().getId());
        dashboard.put("funnel", jdbc.queryForMap("""
                SELECT count(*) AS new_contacts,
                       count(*) FILTER (WHERE c.is_client) AS clients,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.id
                           AND m.role = 'assistant' AND m.kind IN ('reply', 'fallback'))) AS answered,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM scheduled_calls s WHERE s.contact_id = c.id)
                           OR EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.id AND m.role = 'user' AND m.intent = 'yes'))
                           AS booked_or_yes
                FROM contacts c WHERE c.created_at >= :from AND c.created_at < :until""", period));
        dashboard.put("per_day", jdbc.queryForList("""
                SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
                       count(m.id) FILTER (WHERE m.role = 'user') AS messages,
                       count(m.id) FILTER (WHERE m.role = 'assistant' AND m.kind IN ('reply', 'fallback', 'follow_up')) AS replies
                FROM generate_series(CAST(:first AS DATE), CAST(:last AS DATE), INTERVAL '1 day') AS d(day)
                LEFT JOIN messages m ON m.sent_at >= :from AND m.sent_at < :until
                     AND CAST(timezone(:zone, m.sent_at) AS DATE) = CAST(d.day AS DATE)
                GROUP BY d.day ORDER BY d.day""", period));
        dashboard.put("follow_ups", jdbc.queryForList("""
                WITH touches AS (
                    SELECT m.contact_id, m.sent_at,
                           (SELECT count(*) FROM messages p WHERE p.contact_id = m.contact_id AND p.kind = 'follow_up'
                                AND p.sent_at <= m.sent_at
                                AND p.sent_at > COALESCE((SELECT max(r.sent_at) FROM messages r WHERE r.contact_id = m.contact_id
                                    AND r.role = 'assistant' AND r.kind IN ('reply', 'fallback') AND r.sent_at < m.sent_at),
                                    '-infinity')) AS touch,
                           (SELECT min(n.sent_at) FROM messages n WHERE n.contact_id = m.contact_id AND n.kind = 'follow_up'
                                AND n.sent_at > m.sent_at) AS next_touch_at
                    FROM messages m WHERE m.kind = 'follow_up' AND m.sent_at >= :from AND m.sent_at < :until)
                SELECT t.touch, count(*) AS sent,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM messages u WHERE u.contact_id = t.contact_id AND u.role = 'user'
                           AND u.sent_at > t.sent_at AND u.sent_at < COALESCE(t.next_touch_at, 'infinity'))) AS replied
                FROM touches t GROUP BY t.touch ORDER BY t.touch""", period));
        dashboard.put("median_first_reply_seconds", jdbc.queryForObject("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.answered - f.wrote))
                FROM (SELECT (SELECT min(sent_at) FROM messages m WHERE m.contact_id = c.id AND m.role = 'user') AS wrote,
                             (SELECT min(sent_at) FROM messages m WHERE m.contact_id = c.id AND m.role = 'assistant'
                                  AND m.kind IN ('reply', 'fallback')) AS answered
                      FROM contacts c WHERE c.created_at >= :from AND c.created_at < :until) f
                WHERE f.wrote IS NOT NULL AND f.answered >= f.wrote""", period, Double.class));
        dashboard.put("gemini", gemini(period));
        dashboard.put("queues", queueDepths());
        return dashboard;
    }

    private Map<String, Object> gemini(MapSqlParameterSource period) {
        long calls = 0;
        long errors = 0;
        for (Timer timer : meters.find("aisales.gemini.calls").timers()) {
            calls += timer.count();
            if (!"ok".equals(timer.getId().getTag("outcome"))) {
                errors += timer.count();
            }
        }
        Map<String, Object> gemini = new LinkedHashMap<>();
        gemini.put("calls", calls);
        gemini.put("errors", errors);
        gemini.put("counted_since", "start");
        gemini.put("fallbacks", jdbc.queryForObject("""
                SELECT count(*) FROM messages WHERE kind = 'fallback' AND sent_at >= :from AND sent_at < :until""", period, Long.class));
        return gemini;
    }

    /** Each queue the agent shares with the gateway and its dead-letter queue; null where the broker did not say. */
    private List<Map<String, Object>> queueDepths() {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (String queue : List.of(queues.incoming(), queues.outgoing(), queues.outgoingFollowUps())) {
            Map<String, Object> depth = new LinkedHashMap<>();
            depth.put("name", queue);
            depth.put("depth", depths.ready(queue));
            depth.put("dead_letters", depths.ready(queues.deadLetter(queue)));
            listed.add(depth);
        }
        return listed;
    }


    private static LocalDate date(String text, String name) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date as YYYY-MM-DD");
        }
    }
}
