package kz.aisales.agent.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
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
 * it answers, so a redelivered or repeated turn produces the same id and the gateway sends it once. A reply quotes
 * that message only when newer messages followed it.
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
        return build(turn, "reply", text, ReplyKind.REPLY, true, intent, false, callAt, null);
    }

    /**
     * The customer asked not to be messaged (their words, or the sales agent's {@code opt_out} intent): one short
     * confirmation in their language, after which the contact is opted out.
     */
    public Reply optOut(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "opt-out", control.optOutReply(turn.contact().language()), ReplyKind.OPT_OUT, true,
                Reply.OPT_OUT_INTENT, false, null, Reply.OPTED_OUT);
    }

    /** Paused (a person at the business handles the chat) or opted out: the messages are stored and handled, not answered. */
    public Reply held(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "held", null, null, true, null, false, null, null);
    }

    /**
     * The moderator cannot tell yet: invite the customer to say what they need, in the moderator's words when it wrote
     * a greeting, else with {@code GREETING_REPLY}.
     */
    public Reply greeting(@ExchangeProperty(TurnExchange.TURN) Turn turn, @ExchangeProperty(TurnExchange.GREETING) String written) {
        String text = written == null || written.isBlank() ? business.greetingReply() : written;
        return build(turn, "reply", text, ReplyKind.REPLY, true, null, false, null, null);
    }

    /** Only voice notes that could not be transcribed: one line, in the customer's language, asking them to write. */
    public Reply voiceUnheard(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "voice-unheard", control.voiceUnheardReply(turn.contact().language()), ReplyKind.REPLY, true, null, false,
                null, null);
    }

    /**
     * The customer sent a payment receipt: thanks, in their language, saying the manager confirms it. One for the
     * business counts as their yes; any other is passed to a human.
     */
    public Reply receipt(Turn turn, PaymentClaim claim) {
        ChatMessage last = turn.lastUnhandled();
        return new Reply(turn.contact().id(), turn.contact().phoneNumber(), outboxId(last.messageId(), "receipt"),
                control.receiptReply(turn.contact().language()), ReplyKind.REPLY, last.messageId(), last.id(), turn.unhandledIds(), true,
                claim.matches() ? "yes" : "other", !claim.matches(), null, now(), null, claim, followed(turn, last));
    }

    /** Only stickers and reactions: handled, nothing is sent, and the follow-ups go on as they were. */
    public Reply nothingToAnswer(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "nothing-to-answer", null, null, true, null, false, null, null);
    }

    /** Not a client: the messages are handled, nothing is sent. */
    public Reply silence(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "silence", null, null, true, null, false, null, null);
    }

    /** Gemini could not answer: a safe reply, a human is asked to look, the messages stay open for a replay. */
    public Reply fallback(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        return build(turn, "fallback", business.fallbackReply(), ReplyKind.FALLBACK, false, null, true, null, null);
    }

    /** A follow-up touch: sent unprompted, it answers and quotes no customer message. */
    public Reply followUp(long contactId, String phoneNumber, String outboxId, String text) {
        return new Reply(contactId, phoneNumber, outboxId, text, ReplyKind.FOLLOW_UP, null, 0, List.of(), false, null, false, null, now(), null, null,
                false);
    }

    public String outgoingJson(Reply reply) {
        OutgoingMessage message = new OutgoingMessage(reply.outboxId(), reply.phoneNumber(), reply.text(),
                reply.replyToMessageId(), reply.replyToMessageId() != null, reply.outgoingKind(), reply.createdAt(),
                reply.consent(), reply.replyToMessageId() == null ? null : reply.quote());
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the outgoing message", e);
        }
    }

    private Reply build(Turn turn, String purpose, String text, ReplyKind storedKind, boolean handled, String intent,
            boolean needsHuman, OffsetDateTime callAt, String consent) {
        ChatMessage last = turn.lastUnhandled();
        return new Reply(turn.contact().id(), turn.contact().phoneNumber(), outboxId(last.messageId(), purpose), text,
                storedKind, last.messageId(), last.id(), turn.unhandledIds(), handled, intent, needsHuman, callAt, now(), consent, null,
                followed(turn, last));
    }

    /**
     * Whether newer messages, ours or the customer's, followed the one a reply answers: only then is it quoted, as a
     * person quotes only to answer an older message.
     */
    static boolean followed(Turn turn, ChatMessage answered) {
        return turn.history().stream().anyMatch(message -> message.sentAt().isAfter(answered.sentAt())
                || message.sentAt().isEqual(answered.sentAt()) && message.id() > answered.id());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(workingHours.timezone()));
    }
}
