package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outcome of a turn, or a follow-up touch. {@code text} null means nothing is sent (a non-client, a paused or
 * opted-out contact). {@code quote}: it is sent as a quote of the message it answers, because newer messages followed
 * that one. {@code payment} is the receipt the customer sent, when this reply answers one. {@code handled} marks the
 * customer messages it answers ({@code answeredIds}, exactly those the turn saw) as done; a fallback leaves them open
 * so a replay can still answer them. {@code lastAnsweredId} is the newest of them, which gets the intent. {@code consent} is {@code opted_out} on the confirmation of an opt-out and
 * {@code opted_in} on the reply to a customer who asked to continue; the gateway learns opt-outs from it.
 */
public record Reply(
        long contactId,
        String phoneNumber,
        String outboxId,
        String text,
        ReplyKind storedKind,
        String replyToMessageId,
        long lastAnsweredId,
        List<Long> answeredIds,
        boolean handled,
        String intent,
        boolean needsHuman,
        OffsetDateTime callAt,
        OffsetDateTime createdAt,
        String consent,
        PaymentClaim payment,
        boolean quote) {

    /** The sales intent of a customer who asked not to be messaged. */
    public static final String OPT_OUT_INTENT = "opt_out";
    public static final String OPTED_OUT = "opted_out";
    public static final String OPTED_IN = "opted_in";

    /** The {@code kind} of the outgoing message: {@code follow_up} for a touch, {@code reply} otherwise. */
    public OutgoingKind outgoingKind() {
        return storedKind == null ? OutgoingKind.REPLY : storedKind.outgoing();
    }

    public boolean sends() {
        return text != null;
    }

    /** The same outcome, not sent: the customer messages are still handled, so nothing old is answered later. */
    public Reply withheld() {
        return new Reply(contactId, phoneNumber, outboxId, null, storedKind, replyToMessageId, lastAnsweredId, answeredIds, handled, intent,
                needsHuman, callAt, createdAt, consent, payment, quote);
    }

    /** The reply to a customer who asked to continue after an opt-out. */
    public Reply optingIn() {
        return new Reply(contactId, phoneNumber, outboxId, text, storedKind, replyToMessageId, lastAnsweredId, answeredIds, handled, intent,
                needsHuman, callAt, createdAt, OPTED_IN, payment, quote);
    }
}
