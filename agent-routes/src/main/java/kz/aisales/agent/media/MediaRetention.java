package kz.aisales.agent.media;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import kz.aisales.agent.config.MediaProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the bytes of the files customers sent once they are older than {@code MEDIA_RETENTION_DAYS}; what the model
 * saw on them stays, and their messages say {@code media_status} {@code expired}. In batches, each its own short
 * transaction.
 */
@Component
public class MediaRetention {

    public static final String EXPIRED = "expired";

    private static final Logger LOG = LoggerFactory.getLogger(MediaRetention.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final MediaProperties media;
    private final Clock clock;

    public MediaRetention(NamedParameterJdbcTemplate jdbc, MediaProperties media, Clock clock) {
        this.jdbc = jdbc;
        this.media = media;
        this.clock = clock;
    }

    /** Returns how many files lost their bytes. */
    public int prune() {
        Map<String, Object> parameters = Map.of("cutoff", OffsetDateTime.now(clock).minusDays(media.retentionDays()),
                "batch", media.batchSize(), "expired", EXPIRED);
        int total = 0;
        int batch;
        do {
            batch = jdbc.update("""
                    WITH old AS (
                        UPDATE message_media SET data = NULL WHERE message_id IN
                            (SELECT message_id FROM message_media WHERE data IS NOT NULL AND created_at < :cutoff LIMIT :batch)
                        RETURNING message_id)
                    UPDATE messages SET media_status = :expired WHERE message_id IN (SELECT message_id FROM old)""", parameters);
            total += batch;
        } while (batch == media.batchSize());
        if (total > 0) {
            LOG.info("Media retention: deleted the files of {} messages older than {} days", total, media.retentionDays());
        }
        return total;
    }
}
