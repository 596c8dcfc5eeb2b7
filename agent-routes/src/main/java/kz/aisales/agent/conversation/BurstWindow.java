package kz.aisales.agent.conversation;

import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How long a burst this replica completed is still open on another one. The replicas share the burst repository, but
 * each times its window only from the messages it consumed itself; the database sees them all. So a burst completed by
 * its window while a message of the same contact, not answered yet, was stored less than {@code MESSAGE_GROUP_TIMEOUT}
 * ago waits until that message's window has closed too, then answers the whole burst. The other replica's own window
 * may find the burst already completed (shared row) or answer first: either way the contact's lock lets one turn
 * answer every open message and the next finds nothing left. Times are the database's own, so the replicas' clocks do
 * not matter. A burst completed by its size, or recovered after a crash, is answered at once, and so is one that
 * reached {@code MAX_MESSAGES_IN_GROUP} open messages.
 */
@Component
public class BurstWindow {

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationProperties conversation;

    public BurstWindow(NamedParameterJdbcTemplate jdbc, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.conversation = conversation;
    }

    /** Milliseconds until the newest open message of the contact is older than the window; 0 when the turn may run. */
    public long remaining(@ExchangeProperty(TurnExchange.PHONE) String phone,
            @ExchangeProperty(Exchange.AGGREGATED_COMPLETED_BY) String completedBy) {
        if (!"timeout".equals(completedBy)) {
            return 0;
        }
        Double millis = jdbc.queryForObject("""
                SELECT CASE WHEN count(*) >= :most THEN 0
                       ELSE EXTRACT(EPOCH FROM max(m.created_at) + make_interval(secs => :window) - now()) * 1000 END
                FROM messages m JOIN contacts c ON c.id = m.contact_id
                WHERE c.phone_number = :phone AND m.role = 'user' AND m.handled_at IS NULL""",
                Map.of("phone", phone, "most", conversation.maxMessagesInGroup(),
                        "window", conversation.messageGroupTimeout().toMillis() / 1000.0),
                Double.class);
        return millis == null ? 0 : Math.max(0, (long) Math.ceil(millis));
    }
}
