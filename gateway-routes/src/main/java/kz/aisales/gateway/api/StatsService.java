package kz.aisales.gateway.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.config.StatsProperties;
import kz.aisales.gateway.queues.QueueDepths;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** {@code GET /stats}: today's counts from {@code message_logs} and the depth of every queue. */
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
        OffsetDateTime since = LocalDate.now(stats.timezone()).atStartOfDay(stats.timezone()).toOffsetDateTime();
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
        return answer;
    }

    private Object depth(String queue) {
        return queueDepths.ready(queue);
    }
}
