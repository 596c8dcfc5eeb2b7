package kz.aisales.agent.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each contact's share of the replies: a turn starts no sooner than {@code MIN_REPLY_INTERVAL} after the contact's
 * last reply, and then answers everything they wrote meanwhile in one reply. One customer writing a hundred messages a
 * minute gets a reply per interval, not per burst, so the sending rate limit stays free for everyone else. Checked
 * under the contact's lease, so two waiting turns cannot both pass; a paced turn gives the lease back and waits
 * without a thread ({@code dead-letter} policy), then takes the lease again.
 */
@Component
public class ReplyPace {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactLock lock;
    private final Clock clock;
    private final Duration interval;

    public ReplyPace(NamedParameterJdbcTemplate jdbc, ContactLock lock, Clock clock, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.clock = clock;
        this.interval = conversation.minReplyInterval();
    }

    public void check(@ExchangeProperty(TurnExchange.PHONE) String phoneNumber, Exchange exchange) {
        // a delay chosen for an earlier wait must not stretch the retries of anything after it
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        if (interval.isZero()) {
            return;
        }
        OffsetDateTime last = jdbc.queryForObject("""
                SELECT max(m.sent_at) FROM messages m JOIN contacts c ON c.id = m.contact_id
                WHERE c.phone_number = :phone AND m.role = 'assistant' AND m.kind IS DISTINCT FROM 'operator'""",
                Map.of("phone", phoneNumber), OffsetDateTime.class);
        if (last == null) {
            return;
        }
        Duration since = Duration.between(last, OffsetDateTime.now(clock));
        if (since.compareTo(interval) < 0) {
            lock.release(phoneNumber, exchange);
            throw new ContactPacedException(phoneNumber, interval.minus(since));
        }
    }

    /** The redelivery waits what the pace asks, not the policy's fixed delay. */
    public static void chooseDelay(Exchange exchange) {
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof ContactPacedException paced) {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.max(1, paced.waitFor().toMillis()));
        }
    }
}
