package kz.aisales.agent.conversation;

import java.util.Map;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a burst this replica completed is still open on another one. Each agent replica collects the messages it
 * consumed, and its window restarts only with those; the database sees them all. So a burst completed by its window
 * while a message of the same contact, not answered yet, was stored less than {@code MESSAGE_GROUP_TIMEOUT} ago
 * belongs to the replica that consumed that message: its window closes last, and its turn answers the whole burst.
 * Times are the database's own, so the replicas' clocks do not matter. A burst completed by its size, or recovered
 * after a crash, is answered at once.
 */
@Component
public class BurstWindow {

    private final NamedParameterJdbcTemplate jdbc;
    private final ConversationProperties conversation;

    public BurstWindow(NamedParameterJdbcTemplate jdbc, ConversationProperties conversation) {
        this.jdbc = jdbc;
        this.conversation = conversation;
    }

    public boolean openElsewhere(@ExchangeProperty(TurnExchange.TURN) Turn turn,
            @ExchangeProperty(Exchange.AGGREGATED_COMPLETED_BY) String completedBy) {
        if (!"timeout".equals(completedBy) || !turn.hasUnhandled()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM messages WHERE contact_id = :contact AND role = 'user' AND handled_at IS NULL
                    AND created_at > now() - make_interval(secs => :window))""",
                Map.of("contact", turn.contact().id(), "window", conversation.messageGroupTimeout().toMillis() / 1000.0),
                Boolean.class));
    }
}
