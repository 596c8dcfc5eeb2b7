package kz.aisales.agent.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.WorkingHoursProperties;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Turns a decision into a {@link Reply}. The outbox id is a name-based UUID of the newest customer message
 * it answers, so a redelivered or repeated turn produces the same id and the gateway sends it once.
 */
@Component
public class ReplyFactory {

    private final BusinessProperties business;
    private final ControlProperties control;
    private final WorkingHoursProperties workingHours;
    private final Clock clock;
    private final ObjectMapper json;

    public ReplyFactory(BusinessProperties business, ControlProperties control, WorkingHoursProperties workingHours, Clock clock,
            ObjectMapper json) {
        this.business = business;
        this.control = control;
        this.workingHours = workingHours;
        this.clock = clock;
        this.json = json;
    }

    public static String outboxId(String answeredMessageId, String purpose) {
        return UUID.nameUUIDFromBytes((answeredMessageId + ":" + purpose).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Reply reply(Turn turn, String text, String intent, OffsetDateTime callAt) {
        return build(turn, "reply", text, "reply", true, intent, false, callAt, null);
    }

    /**
     * The customer asked not to be messaged (their words, or the sales agent's {@code opt_out} intent): one short
     * confirmation in their language, after which the contact is opted out.
     */
    public Reply optOut(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, Reply.OPT_OUT, control.optOutReply(turn.contact().language()), Reply.OPT_OUT, true, Reply.OPT_OUT,
                false, null, Reply.OPTED_OUT);
    }

    /** Paused (a person at the business handles the chat) or opted out: the messages are stored and handled, not answered. */
    public Reply held(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "held", null, null, true, null, false, null, null);
    }

    /** The moderator cannot tell yet: invite the customer to say what they need. */
    public Reply greeting(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "reply", business.greetingReply(), "reply", true, null, false, null, null);
    }

    /** Not a client: the messages are handled, nothing is sent. */
    public Reply silence(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "silence", null, null, true, null, false, null, null);
    }

    /** Gemini could not answer: a safe reply, a human is asked to look, the messages stay open for a replay. */
    public Reply fallback(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "fallback", business.fallbackReply(), "fallback", false, null, true, null, null);
    }

    /** A follow-up touch: sent unprompted, it answers and quotes no customer message. */
    public Reply followUp(long contactId, String phoneNumber, String outboxId, String text) {
        return new Reply(contactId, phoneNumber, outboxId, text, Reply.FOLLOW_UP, null, 0, false, null, false, null, now(), null);
    }

    public String outgoingJson(Reply reply) {
        OutgoingMessage message = new OutgoingMessage(reply.outboxId(), reply.phoneNumber(), reply.text(),
                reply.replyToMessageId(), reply.replyToMessageId() != null, reply.outgoingKind(), reply.createdAt(),
                reply.consent());
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outgoing message", e);
        }
    }

    private Reply build(Turn turn, String purpose, String text, String storedKind, boolean handled, String intent,
            boolean needsHuman, OffsetDateTime callAt, String consent) {
        ChatMessage last = turn.lastUnhandled();
        return new Reply(turn.contact().id(), turn.contact().phoneNumber(), outboxId(last.messageId(), purpose), text,
                storedKind, last.messageId(), last.id(), handled, intent, needsHuman, callAt, now(), consent);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(workingHours.timezone()));
    }
}
