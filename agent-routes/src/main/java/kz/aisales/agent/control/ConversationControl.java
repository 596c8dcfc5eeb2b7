package kz.aisales.agent.control;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.conversation.ChatMessage;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.IncomingMessage;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.Turn;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may be answered, decided before and after each turn: a contact a person at the business handles (paused) or
 * who opted out is not answered; a customer asking to stop gets one confirmation and is opted out; an opted-out
 * customer who clearly asks to continue is answered again. Also records an operator's takeover, the operators'
 * pause and resume, and the language each customer writes in.
 */
@Component
public class ConversationControl {

    /** What a turn does with the customer's open messages. */
    public enum Decision { ANSWER, HOLD, OPT_OUT, OPT_IN }

    private static final Logger LOG = LoggerFactory.getLogger(ConversationControl.class);

    private final ConversationStore conversations;
    private final NamedParameterJdbcTemplate jdbc;
    private final OptOutWords optOutWords;
    private final Languages languages;
    private final ControlProperties control;
    private final Clock clock;

    public ConversationControl(ConversationStore conversations, NamedParameterJdbcTemplate jdbc, OptOutWords optOutWords,
            Languages languages, ControlProperties control, Clock clock) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.optOutWords = optOutWords;
        this.languages = languages;
        this.control = control;
        this.clock = clock;
    }

    /** A person at the business wrote to the customer: the agent is silent with them for {@code OPERATOR_PAUSE_HOURS}. */
    public void operatorTookOver(@ExchangeProperty(TurnExchange.INCOMING) IncomingMessage message) {
        OffsetDateTime until = now().plus(control.operatorPause());
        conversations.storeOperatorMessage(message, until);
        LOG.info("A person at the business wrote to {}: agent paused for the contact until {}", message.phoneNumber(), until);
    }

    /** The language of the customer's open messages, stored when it can be told; the turn carries it. */
    public Turn withLanguage(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        String detected = languages.detect(turn.unhandled().stream().map(ChatMessage::text).collect(Collectors.joining(" ")));
        if (detected == null || detected.equals(turn.contact().language())) {
            return turn;
        }
        conversations.rememberLanguage(turn.contact().id(), detected);
        return turn.withContact(turn.contact().speaking(detected));
    }

    /**
     * Opted out: held, unless the customer clearly asks to continue. Paused: held. A request to stop: confirmed once
     * (not for a non-client, who is never answered anyway). Anything else: answered.
     */
    public Decision decide(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        String latest = turn.lastUnhandled().text();
        if (turn.contact().optedOut()) {
            return optOutWords.asksToContinue(latest) ? Decision.OPT_IN : Decision.HOLD;
        }
        if (turn.contact().pausedAt(now())) {
            return Decision.HOLD;
        }
        boolean notAClient = Boolean.FALSE.equals(turn.contact().isClient());
        return !notAClient && optOutWords.asksToStop(latest) ? Decision.OPT_OUT : Decision.ANSWER;
    }

    /**
     * The last look before a reply is published: a contact paused or opted out while the reply was being written
     * (an operator wrote meanwhile) gets nothing; the opt-out confirmation and the reply to "continue" pass.
     */
    public Reply screen(@Body Reply reply) {
        if (!reply.sends() || reply.consent() != null) {
            return reply;
        }
        List<String> withheldBecause = jdbc.query("SELECT opted_out, paused_until FROM contacts WHERE id = :id",
                Map.of("id", reply.contactId()), (rs, row) -> {
                    OffsetDateTime pausedUntil = rs.getObject("paused_until", OffsetDateTime.class);
                    return rs.getBoolean("opted_out") ? "opted out"
                            : pausedUntil != null && pausedUntil.isAfter(now()) ? "is handled by a person until " + pausedUntil : null;
                });
        if (withheldBecause.isEmpty() || withheldBecause.get(0) == null) {
            return reply;
        }
        LOG.info("Reply {} to {} withheld: the contact {}", reply.outboxId(), reply.phoneNumber(), withheldBecause.get(0));
        return reply.withheld();
    }

    /** An operator pauses the agent for the contact ({@code hours}, or {@code OPERATOR_PAUSE_HOURS}); false if unknown. */
    public boolean pause(String phone, Integer hours) {
        Duration pause = hours == null ? control.operatorPause() : Duration.ofHours(hours);
        return jdbc.update("UPDATE contacts SET paused_until = :until, updated_at = :now WHERE phone_number = :phone",
                Map.of("until", now().plus(pause), "now", now(), "phone", phone)) > 0;
    }

    /**
     * The agent takes the contact back: what the customer wrote before counts as handled (a person answered it or
     * chose not to), so only their next message is answered; false if the contact is unknown.
     */
    @Transactional
    public boolean resume(String phone) {
        int updated = jdbc.update("UPDATE contacts SET paused_until = NULL, updated_at = :now WHERE phone_number = :phone",
                Map.of("now", now(), "phone", phone));
        jdbc.update("""
                UPDATE messages SET handled_at = :now
                WHERE role = 'user' AND handled_at IS NULL AND contact_id = (SELECT id FROM contacts WHERE phone_number = :phone)""",
                Map.of("now", now(), "phone", phone));
        return updated > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
