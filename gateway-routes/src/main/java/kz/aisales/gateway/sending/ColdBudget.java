package kz.aisales.gateway.sending;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import kz.aisales.gateway.config.ColdSendingProperties;
import kz.aisales.gateway.config.StatsProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Protects the number from the bans that unsolicited messages bring: follow-up touches to customers who did not write
 * in the last {@code COLD_QUIET_HOURS} ("cold" messages) leave only while the number's cold budgets have room
 * ({@code COLD_SENDS_PER_HOUR}, {@code COLD_SENDS_PER_DAY}, lower in a new number's warm-up days). Every cold message
 * sent counts, whatever its kind, as {@code message_logs} records it (so the budgets hold across restarts); only
 * follow-ups are held, on their own queue: a reply to a customer who wrote is never cold, and a message an operator
 * wrote or the manager's notice is sent as written. A follow-up whose customer wrote after it was written is not sent
 * at all ({@link #superseded}).
 */
@Component
public class ColdBudget {

    private static final Logger LOG = LoggerFactory.getLogger(ColdBudget.class);
    private static final String WROTE = """
            EXISTS (SELECT 1 FROM message_logs i WHERE i.phone_number = %s AND i.direction = 'incoming'
                    AND i.status = 'forwarded' AND i.created_at > %s - make_interval(hours => :quietHours)
                    AND i.created_at <= %s)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final ColdSendingProperties cold;
    private final ZoneId zone;
    private final Clock clock;
    private volatile String heldKey;

    @Autowired
    public ColdBudget(NamedParameterJdbcTemplate jdbc, ColdSendingProperties cold, StatsProperties stats) {
        this(jdbc, cold, stats.timezone(), Clock.systemUTC());
    }

    ColdBudget(NamedParameterJdbcTemplate jdbc, ColdSendingProperties cold, ZoneId zone, Clock clock) {
        this.jdbc = jdbc;
        this.cold = cold;
        this.zone = zone;
        this.clock = clock;
    }

    /** Whether this message waits: a follow-up to a customer who did not write lately, with a cold budget used up. */
    public boolean holds(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        if (!"follow_up".equals(message.kind()) || !isCold(message)) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        double share = warmUpShare(now);
        int hourly = budget(cold.perHour(), share);
        int daily = budget(cold.perDay(), share);
        long lastHour = coldSentSince(now.minusHours(1));
        long lastDay = coldSentSince(now.minusHours(24));
        boolean held = lastHour >= hourly || lastDay >= daily;
        String key = message.idempotencyKey();
        if (held && !key.equals(heldKey)) {
            LOG.info("Follow-up {} waits: {} of {} cold messages in the last hour, {} of {} in the last 24 h{}", key, lastHour,
                    hourly, lastDay, daily, share < 1 ? String.format(" (warm-up: %.0f%% of the budgets)", share * 100) : "");
        }
        heldKey = held ? key : null;
        return held;
    }

    /**
     * Whether this follow-up is no longer to be sent: its customer wrote after the agent wrote it (while it waited for
     * the budget or for replies), so the conversation has moved on and the agent answers them instead.
     */
    public boolean superseded(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        if (!"follow_up".equals(message.kind()) || message.createdAt() == null) {
            return false;
        }
        OffsetDateTime written;
        try {
            written = OffsetDateTime.parse(message.createdAt());
        } catch (DateTimeParseException e) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM message_logs WHERE phone_number = :phone AND direction = 'incoming'
                               AND status = 'forwarded' AND created_at > :written)""",
                Map.of("phone", PhoneNumbers.normalize(message.phoneNumber()), "written", written), Boolean.class));
    }

    /** A cold budget on a day of the warm-up: its share of the full budget, at least one message. */
    static int budget(int full, double share) {
        return Math.max(1, (int) Math.floor(full * share));
    }

    /** The share of the budgets a number has on this day: (d + 1) / warmUpDays in its first days, then 1. */
    double warmUpShare(OffsetDateTime now) {
        LocalDate since = cold.numberSince();
        if (cold.warmUpDays() == 0 || since == null) {
            return 1;
        }
        long day = ChronoUnit.DAYS.between(since, now.atZoneSameInstant(zone).toLocalDate());
        return Math.min(1, Math.max(1, day + 1) / (double) cold.warmUpDays());
    }

    private boolean isCold(OutgoingMessage message) {
        return !Boolean.TRUE.equals(jdbc.queryForObject("SELECT " + WROTE.formatted(":phone", "now()", "now()"),
                Map.of("phone", PhoneNumbers.normalize(message.phoneNumber()), "quietHours", cold.quietHours()), Boolean.class));
    }

    private long coldSentSince(OffsetDateTime since) {
        Long sent = jdbc.queryForObject("SELECT count(*) FROM message_logs o WHERE o.direction = 'outgoing' AND o.status = 'sent'"
                + " AND o.created_at > :since AND NOT " + WROTE.formatted("o.phone_number", "o.created_at", "o.created_at"),
                Map.of("since", since, "quietHours", cold.quietHours()), Long.class);
        return sent == null ? 0 : sent;
    }
}
