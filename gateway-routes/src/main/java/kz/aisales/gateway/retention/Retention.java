package kz.aisales.gateway.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import kz.aisales.gateway.config.RetentionProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes what is older than {@code RETENTION_DAYS}: the message log (every text the gateway saw or sent), its own
 * sent messages (echo and delivery matching needs minutes of them) and the processed Wappi and outbox ids (a Wappi
 * message or an outbox id comes back within hours, if ever). In batches, each its own short transaction.
 */
@Component
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    /** Table, then the statement deleting one batch of its rows older than :cutoff. */
    private static final Map<String, String> BATCHES = Map.of(
            "message_logs", """
                    DELETE FROM message_logs WHERE id IN
                        (SELECT id FROM message_logs WHERE created_at < :cutoff LIMIT :batch)""",
            "own_messages", """
                    DELETE FROM own_messages WHERE id IN
                        (SELECT id FROM own_messages WHERE attempted_at < :cutoff LIMIT :batch)""",
            // written by Camel's JdbcMessageIdRepository as a local timestamp of this JVM, compared the same way
            "camel_messageprocessed", """
                    DELETE FROM camel_messageprocessed WHERE ctid IN
                        (SELECT ctid FROM camel_messageprocessed WHERE createdat < :localCutoff LIMIT :batch)""");

    private final NamedParameterJdbcTemplate jdbc;
    private final RetentionProperties properties;

    public Retention(NamedParameterJdbcTemplate jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Prunes every table and returns how many rows each lost. */
    public Map<String, Integer> prune() {
        OffsetDateTime cutoff = OffsetDateTime.now().minusDays(properties.days());
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("cutoff", cutoff)
                .addValue("localCutoff", new Timestamp(System.currentTimeMillis() - Duration.ofDays(properties.days()).toMillis()))
                .addValue("batch", properties.batchSize());
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (String table : new String[] {"message_logs", "own_messages", "camel_messageprocessed"}) {
            int total = 0;
            int batch;
            do {
                batch = jdbc.update(BATCHES.get(table), parameters);
                total += batch;
            } while (batch == properties.batchSize());
            deleted.put(table, total);
        }
        if (deleted.values().stream().anyMatch(count -> count > 0)) {
            LOG.info("Retention: deleted what is older than {} days: {}", properties.days(), deleted);
        }
        return deleted;
    }
}
