package kz.aisales.gateway.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.config.StatsProperties;
import kz.aisales.support.operations.QueueDepths;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * {@code GET /stats}: today's counts from {@code message_logs} and the depth of every queue, beside the same
 * figures in the original system's fields.
 */
@Service
public class StatsService {

    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE direction = 'incoming' AND status = 'forwarded')            AS received,
                   count(*) FILTER (WHERE direction = 'incoming' AND status = 'filtered')             AS filtered,
                   count(*) FILTER (WHERE direction = 'incoming' AND status = 'transcribed')          AS voice_transcribed,
                   count(*) FILTER (WHERE direction = 'incoming' AND status = 'transcription_failed') AS voice_failed,
                   count(*) FILTER (WHERE direction = 'outgoing' AND status = 'sent')                 AS sent,
                   count(*) FILTER (WHERE direction = 'outgoing' AND status = 'failed')               AS send_failed
            FROM message_logs
            WHERE created_at >= :since
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final QueueDepths queueDepths;
    private final QueueProperties queues;
    private final StatsProperties stats;

    public StatsService(NamedParameterJdbcTemplate jdbc, QueueDepths queueDepths, QueueProperties queues, StatsProperties stats) {
        this.jdbc = jdbc;
        this.queueDepths = queueDepths;
        this.queues = queues;
        this.stats = stats;
    }

    public Map<String, Object> stats() {
        LocalDate date = LocalDate.now(stats.timezone());
        OffsetDateTime since = date.atStartOfDay(stats.timezone()).toOffsetDateTime();
        Map<String, Object> today = new LinkedHashMap<>(jdbc.queryForMap(COUNTS, Map.of("since", since)));
        Map<String, Object> depths = new LinkedHashMap<>();
        for (String queue : List.of(queues.incoming(), queues.voice(), queues.outgoing(), queues.outgoingFollowUps())) {
            depths.put(queue, depth(queue));
            depths.put(queues.deadLetter(queue), depth(queues.deadLetter(queue)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("today", today);
        answer.put("since", since.toString());
        answer.put("queues", depths);
        answer.putAll(original(date, today, depths));
        return answer;
    }

    /**
     * The original system's fields, read by its users' dashboards: the same counts under its names (a message
     * received is one forwarded to the agent), and the depth of its three queues by role rather than by name.
     */
    private Map<String, Object> original(LocalDate date, Map<String, Object> today, Map<String, Object> depths) {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("date", date.toString());
        original.put("messages_received_today", today.get("received"));
        original.put("messages_sent_today", today.get("sent"));
        original.put("voice_transcribed_today", today.get("voice_transcribed"));
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("incoming", depths.get(queues.incoming()));
        sizes.put("outgoing", depths.get(queues.outgoing()));
        sizes.put("voice", depths.get(queues.voice()));
        original.put("queue_sizes", sizes);
        return original;
    }

    private Object depth(String queue) {
        return queueDepths.ready(queue);
    }
}
