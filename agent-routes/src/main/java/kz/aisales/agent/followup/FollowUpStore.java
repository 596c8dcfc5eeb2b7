package kz.aisales.agent.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.aisales.agent.config.FollowUpProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.ReplyKind;
import kz.aisales.agent.conversation.Turn;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.support.gemini.GeminiException;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code follow_ups} table: applying a turn's decision, claiming due touches (one tick per touch, across
 * threads and replicas), recording a sent touch, and listing active sequences.
 */
@Component
public class FollowUpStore {


    private static final Logger LOG = LoggerFactory.getLogger(FollowUpStore.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final FollowUpProperties followUps;
    private final FollowUpPolicy policy;
    private final FollowUpSchedule schedule;
    private final WorkingHoursProperties hours;

    public FollowUpStore(NamedParameterJdbcTemplate jdbc, Clock clock, FollowUpProperties followUps, FollowUpPolicy policy,
            FollowUpSchedule schedule, WorkingHoursProperties hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.followUps = followUps;
        this.policy = policy;
        this.schedule = schedule;
        this.hours = hours;
    }

    /**
     * Applies what the customer's latest message means for the contact's sequence; the intent is the sales
     * agent's, or the keyword rules' when Gemini could not answer. A replayed turn (same reply) changes nothing.
     */
    @Transactional
    public void afterTurn(@ExchangeProperty(TurnExchange.TURN) Turn turn, @Body Reply reply) {
        ContactState state = jdbc.queryForObject("""
                SELECT c.is_client, c.needs_human, c.opted_out, c.paused_until, c.follow_ups_declined_at,
                       f.id AS follow_up_id, f.touch_number, f.started_by
                FROM contacts c LEFT JOIN follow_ups f ON f.contact_id = c.id AND f.status = 'active'
                WHERE c.id = :contact""", Map.of("contact", reply.contactId()), FollowUpStore::contactState);
        if (state.activeId() != null && reply.outboxId().equals(state.startedBy())) {
            return;
        }
        String intent = reply.payment() != null && reply.payment().matches() ? FollowUpPolicy.PAID
                : reply.intent() != null ? reply.intent()
                : reply.storedKind() == ReplyKind.FALLBACK ? FollowUpPolicy.intentFromKeywords(turn.lastUnhandled().text()) : "other";
        FollowUpPolicy.Decision decision = policy.afterCustomerMessage(intent, state.activeId() != null, mayStart(state, reply));
        OffsetDateTime now = now();
        if (decision.stopReason() != null) {
            jdbc.update("""
                    UPDATE follow_ups SET status = 'stopped', stop_reason = :reason, next_follow_up_at = NULL,
                        claimed_by = NULL, claimed_until = NULL, updated_at = :now
                    WHERE id = :id AND status = 'active'""", Map.of("reason", decision.stopReason().stored(), "now", now, "id", state.activeId()));
        }
        if (decision.declines()) {
            jdbc.update("UPDATE contacts SET follow_ups_declined_at = :now, updated_at = :now WHERE id = :contact AND follow_ups_declined_at IS NULL",
                    Map.of("now", now, "contact", reply.contactId()));
        }
        if (decision.action() == FollowUpPolicy.Action.START) {
            jdbc.update("""
                    INSERT INTO follow_ups (contact_id, touch_number, status, next_follow_up_at, started_by, created_at, updated_at)
                    VALUES (:contact, 1, 'active', :due, :reply, :now, :now)
                    ON CONFLICT DO NOTHING""", new MapSqlParameterSource()
                    .addValue("contact", reply.contactId())
                    .addValue("due", schedule.dueTime(1, reply.createdAt()))
                    .addValue("reply", reply.outboxId())
                    .addValue("now", now));
        }
        if (decision.action() == FollowUpPolicy.Action.CONTINUE && reply.sends()) {
            jdbc.update("UPDATE follow_ups SET next_follow_up_at = :due, updated_at = :now WHERE id = :id AND status = 'active'",
                    Map.of("due", schedule.dueTime(state.touchNumber(), reply.createdAt()), "now", now, "id", state.activeId()));
        }
    }

    private boolean mayStart(ContactState contact, Reply reply) {
        return followUps.enabled()
                && reply.storedKind() == ReplyKind.REPLY && reply.sends() && !reply.needsHuman()
                && Boolean.TRUE.equals(contact.isClient()) && !contact.needsHuman() && !contact.optedOut()
                && (contact.pausedUntil() == null || !contact.pausedUntil().isAfter(now()))
                && !contact.declined();
    }

    /**
     * Claims up to {@code FOLLOW_UP_BATCH_SIZE} due touches for this tick in one statement: rows another tick is
     * claiming are skipped ({@code FOR UPDATE SKIP LOCKED}), rows it claimed stay reserved until the claim lapses.
     * Contacts that are not clients, need a human, are paused, opted out, in a turn or have unanswered messages
     * are left out, and so is a customer who got a touch today: the number sends at most {@code FOLLOW_UPS_PER_DAY}
     * touches a day (those sent and those being written count), one a day to a customer; the rest wait for the next day.
     */
    @Transactional
    public List<DueTouch> claimDue(Exchange tick) {
        OffsetDateTime now = now();
        OffsetDateTime today = LocalDate.now(clock.withZone(hours.timezone())).atStartOfDay(hours.timezone()).toOffsetDateTime();
        Long taken = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM messages WHERE kind = 'follow_up' AND sent_at >= :today)
                     + (SELECT count(*) FROM follow_ups WHERE status = 'active' AND claimed_until >= :now)""",
                Map.of("today", today, "now", now), Long.class);
        long room = followUps.perDay() - (taken == null ? 0 : taken);
        if (room <= 0) {
            LOG.info("Follow-ups: {} touches today already, FOLLOW_UPS_PER_DAY reached; the rest wait for tomorrow", taken);
            return List.of();
        }
        return jdbc.query("""
                UPDATE follow_ups f SET claimed_by = :owner, claimed_until = :until, updated_at = :now
                FROM contacts c
                WHERE c.id = f.contact_id AND f.id IN (
                    SELECT d.id FROM follow_ups d JOIN contacts k ON k.id = d.contact_id
                    WHERE d.status = 'active' AND d.next_follow_up_at <= :now
                      AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                      AND k.is_client AND NOT k.needs_human AND NOT k.opted_out AND k.follow_ups_declined_at IS NULL
                      AND (k.paused_until IS NULL OR k.paused_until <= :now)
                      AND (k.turn_owner IS NULL OR k.turn_lease_until < :now)
                      AND NOT EXISTS (SELECT 1 FROM messages m
                                      WHERE m.contact_id = d.contact_id AND m.role = 'user' AND m.handled_at IS NULL)
                      AND NOT EXISTS (SELECT 1 FROM messages t
                                      WHERE t.contact_id = d.contact_id AND t.kind = 'follow_up' AND t.sent_at >= :today)
                    ORDER BY d.next_follow_up_at
                    LIMIT :batch
                    FOR UPDATE OF d SKIP LOCKED)
                RETURNING f.id, f.contact_id, c.phone_number, f.touch_number, f.next_follow_up_at, f.claimed_by""",
                new MapSqlParameterSource()
                        .addValue("owner", tick.getExchangeId())
                        .addValue("until", now.plus(followUps.claimLease()))
                        .addValue("now", now)
                        .addValue("today", today)
                        .addValue("batch", Math.min(followUps.batchSize(), room)),
                FollowUpStore::dueTouch);
    }

    /**
     * The touch is still this tick's to send: the sequence is active at this touch, the claim is ours, and the
     * contact was not paused by a person at the business nor opted out while Gemini wrote it.
     */
    public boolean stillClaimed(@ExchangeProperty(FollowUpRoutes.TOUCH) DueTouch touch) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
                               WHERE f.id = :id AND f.status = 'active' AND f.touch_number = :touch AND f.claimed_by = :owner
                                 AND NOT c.opted_out AND (c.paused_until IS NULL OR c.paused_until <= :now))""",
                Map.of("id", touch.followUpId(), "touch", touch.touchNumber(), "owner", touch.claimedBy(), "now", now()),
                Boolean.class));
    }

    /** The touch went out: the next one is due its interval after it, or the sequence is complete. */
    public void recordSent(@ExchangeProperty(FollowUpRoutes.TOUCH) DueTouch touch, @ExchangeProperty(TurnExchange.REPLY) Reply reply) {
        boolean last = policy.isLast(touch.touchNumber());
        jdbc.update("""
                UPDATE follow_ups SET touch_number = :next, status = :status, stop_reason = :reason, last_sent_at = :sent,
                    next_follow_up_at = :due, claimed_by = NULL, claimed_until = NULL, updated_at = :now
                WHERE id = :id AND touch_number = :touch AND status = 'active'""", new MapSqlParameterSource()
                .addValue("next", last ? touch.touchNumber() : touch.touchNumber() + 1)
                .addValue("status", last ? "completed" : "active")
                .addValue("reason", last ? policy.completedReason() : null)
                .addValue("sent", reply.createdAt())
                .addValue("due", last ? null : schedule.dueTime(touch.touchNumber() + 1, reply.createdAt()))
                .addValue("now", now())
                .addValue("id", touch.followUpId())
                .addValue("touch", touch.touchNumber()));
    }

    /** The judged intent of the contact's newest customer message, if any. */
    public String lastCustomerIntent(long contactId) {
        List<String> intents = jdbc.queryForList("""
                SELECT intent FROM messages WHERE contact_id = :contact AND role = 'user'
                ORDER BY sent_at DESC, id DESC LIMIT 1""", Map.of("contact", contactId), String.class);
        return intents.isEmpty() ? null : intents.get(0);
    }

    /**
     * A touch must not repeat the text of an earlier touch to the customer (ignoring case, spaces and punctuation);
     * one that does is not sent now and is written again when its claim lapses.
     */
    public void notARepeat(@Body Reply touch) {
        List<String> earlier = jdbc.queryForList("SELECT message_text FROM messages WHERE contact_id = :contact AND kind = 'follow_up'",
                Map.of("contact", touch.contactId()), String.class);
        String written = comparable(touch.text());
        if (earlier.stream().map(FollowUpStore::comparable).anyMatch(written::equals)) {
            throw new GeminiException("the touch repeats the text of an earlier touch to this customer");
        }
    }

    private static String comparable(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /**
     * Active sequences, soonest due first, with the due time in the business's time zone and in UTC; with
     * {@code dueOnly}, only those whose next touch is due now (sent at the next tick inside working hours).
     */
    public List<ActiveFollowUp> active(boolean dueOnly) {
        return jdbc.query("""
                SELECT f.id, c.phone_number, COALESCE(c.first_name, c.push_name, c.full_name, '') AS name, f.touch_number,
                       f.next_follow_up_at, f.last_sent_at, f.created_at
                FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
                WHERE f.status = 'active' AND (:due_only = FALSE OR f.next_follow_up_at <= :now)
                ORDER BY f.next_follow_up_at, f.id""", Map.of("due_only", dueOnly, "now", now()), (rs, row) -> {
                    OffsetDateTime due = rs.getObject("next_follow_up_at", OffsetDateTime.class);
                    OffsetDateTime lastSent = rs.getObject("last_sent_at", OffsetDateTime.class);
                    return new ActiveFollowUp(rs.getLong("id"), rs.getString("phone_number"), rs.getString("name"),
                            rs.getInt("touch_number"),
                            due.atZoneSameInstant(hours.timezone()).toOffsetDateTime().toString(),
                            due.withOffsetSameInstant(ZoneOffset.UTC).toString(),
                            hours.timezone().getId(),
                            lastSent == null ? null : lastSent.atZoneSameInstant(hours.timezone()).toOffsetDateTime().toString(),
                            rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(hours.timezone()).toOffsetDateTime().toString());
                });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A contact's flags and its active sequence, if any. */
    private record ContactState(Boolean isClient, boolean needsHuman, boolean optedOut, OffsetDateTime pausedUntil,
            boolean declined, Long activeId, int touchNumber, String startedBy) {
    }

    private static ContactState contactState(ResultSet rs, int row) throws SQLException {
        return new ContactState(rs.getObject("is_client", Boolean.class), rs.getBoolean("needs_human"), rs.getBoolean("opted_out"),
                rs.getObject("paused_until", OffsetDateTime.class), rs.getObject("follow_ups_declined_at") != null,
                rs.getObject("follow_up_id", Long.class), rs.getInt("touch_number"), rs.getString("started_by"));
    }

    private static DueTouch dueTouch(ResultSet rs, int row) throws SQLException {
        return new DueTouch(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("phone_number"), rs.getInt("touch_number"),
                rs.getObject("next_follow_up_at", OffsetDateTime.class), rs.getString("claimed_by"));
    }
}
