package kz.aisales.agent.followup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One follow-up tick per scheduled time across agent replicas ({@code follow_up_ticks}): each replica's Quartz trigger
 * fires, the first to record the trigger's scheduled time runs the tick. A tick without a scheduled time (one run by
 * hand) always runs. Records older than a day are pruned as new ones come.
 */
@Repository
public class FollowUpTicks {

    static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    private static final Duration KEPT = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpTicks.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationProperties conversation;

    public FollowUpTicks(NamedParameterJdbcTemplate jdbc, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.conversation = conversation;
    }

    /** This replica runs the tick scheduled at this time: no other one recorded it first. */
    public boolean firstForItsTime(@Header(SCHEDULED_FIRE_TIME) Date scheduled) {
        if (scheduled == null) {
            return true;
        }
        OffsetDateTime at = scheduled.toInstant().atOffset(ZoneOffset.UTC);
        jdbc.update("DELETE FROM follow_up_ticks WHERE scheduled_at < :old", Map.of("old", at.minus(KEPT)));
        int recorded = jdbc.update("""
                INSERT INTO follow_up_ticks (scheduled_at, ticked_by) VALUES (:at, :instance)
                ON CONFLICT (scheduled_at) DO NOTHING""", Map.of("at", at, "instance", conversation.instanceId()));
        if (recorded == 0) {
            LOG.debug("Follow-up tick of {} already run by another replica", at);
        }
        return recorded > 0;
    }
}
