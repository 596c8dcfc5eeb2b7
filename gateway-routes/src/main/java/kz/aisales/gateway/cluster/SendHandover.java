package kz.aisales.gateway.cluster;

import java.util.Map;

import kz.aisales.gateway.config.SendingProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The number's send budget across a change of sender. A replica that begins to send for the number (it took the
 * leadership from a replica that died, or it is the only one and restarted) starts with an empty throttle, while Wappi
 * still counts what the previous sender called within the last rate window. So its first call waits until the newest
 * call recorded in {@code own_messages} has left that window ({@code wappi-send-request}'s delay); once it has, the
 * throttle alone keeps the budget. Times are the database's.
 */
@Component
public class SendHandover {

    private static final Logger LOG = LoggerFactory.getLogger(SendHandover.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SendingProperties sending;
    private volatile long sendsFrom;

    public SendHandover(NamedParameterJdbcTemplate jdbc, SendingProperties sending) {
        this.jdbc = jdbc;
        this.sending = sending;
    }

    /** Called when this replica starts sending for the number. */
    public void begin() {
        Long sinceLastCall = jdbc.queryForObject("""
                SELECT (EXTRACT(EPOCH FROM clock_timestamp() - GREATEST(max(attempted_at), max(sent_at))) * 1000)::bigint
                FROM own_messages""", Map.of(), Long.class);
        long wait = sinceLastCall == null ? 0 : Math.max(0, sending.rateWindowMillis() - sinceLastCall);
        sendsFrom = System.currentTimeMillis() + wait;
        if (wait > 0) {
            LOG.info("Sending for the number begins in {} ms: Wappi still counts the calls of the last {} ms", wait,
                    sending.rateWindowMillis());
        }
    }

    /** How long the next call must still wait; 0 once the previous sender's window has passed. */
    public long millisLeft() {
        return Math.max(0, sendsFrom - System.currentTimeMillis());
    }
}
