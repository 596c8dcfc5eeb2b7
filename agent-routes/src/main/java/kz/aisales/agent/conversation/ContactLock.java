package kz.aisales.agent.conversation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One turn per contact at a time, across threads and replicas: a lease on the contact row, taken with one
 * atomic UPDATE and given back when the turn's exchange is done (succeeded, or parked on the dead-letter queue after its
 * retries). While this instance lives it renews its leases (a turn
 * may wait on Gemini far longer than the lease), so a lease left by a crashed instance expires within
 * {@code CONTACT_LOCK_LEASE} and its contacts are answered after a restart without a long wait.
 */
@Component
public class ContactLock {

    private static final String RELEASE_REGISTERED = "contactLockRelease";

    private final String instance = Long.toHexString(new SecureRandom().nextLong());
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ConversationProperties conversation;

    public ContactLock(NamedParameterJdbcTemplate jdbc, Clock clock, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.conversation = conversation;
    }

    public void acquire(@ExchangeProperty(TurnExchange.PHONE) String phoneNumber, Exchange exchange) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int taken = jdbc.update("""
                UPDATE contacts SET turn_owner = :owner, turn_lease_until = :until
                WHERE phone_number = :phone AND (turn_owner IS NULL OR turn_lease_until < :now OR turn_owner = :owner)""",
                new MapSqlParameterSource()
                        .addValue("owner", owner(exchange))
                        .addValue("until", now.plus(conversation.lockLease()))
                        .addValue("phone", phoneNumber)
                        .addValue("now", now));
        if (taken == 0 && exists(phoneNumber)) {
            throw new ContactBusyException(phoneNumber);
        }
        // given back when the turn's exchange is done, however it ends; a retry takes it again as the same owner
        if (exchange.getProperty(RELEASE_REGISTERED) == null) {
            exchange.setProperty(RELEASE_REGISTERED, Boolean.TRUE);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    release(phoneNumber, done);
                }
            });
        }
    }

    private boolean exists(String phoneNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM contacts WHERE phone_number = :phone)",
                Map.of("phone", phoneNumber), Boolean.class));
    }

    void release(String phoneNumber, Exchange exchange) {
        jdbc.update("""
                UPDATE contacts SET turn_owner = NULL, turn_lease_until = NULL
                WHERE phone_number = :phone AND turn_owner = :owner""",
                Map.of("phone", phoneNumber, "owner", owner(exchange)));
    }

    /** Extends every lease this instance holds by a full lease period. */
    public int renew() {
        return jdbc.update("""
                UPDATE contacts SET turn_lease_until = :until
                WHERE turn_owner LIKE :instance || '/%'""",
                new MapSqlParameterSource()
                        .addValue("until", OffsetDateTime.now(clock).plus(conversation.lockLease()))
                        .addValue("instance", instance));
    }

    private String owner(Exchange exchange) {
        return instance + "/" + exchange.getExchangeId();
    }
}
