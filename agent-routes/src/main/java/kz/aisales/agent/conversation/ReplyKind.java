package kz.aisales.agent.conversation;

/** What a stored bot message is ({@code messages.kind}): it also decides the kind it goes out as. */
public enum ReplyKind {

    /** The sales agent's answer (or a fixed one: a voice note not heard, a receipt). */
    REPLY("reply"),
    /** The fixed reply when the model did not answer; the customer's messages stay open. */
    FALLBACK("fallback"),
    /** The confirmation of an opt-out. */
    OPT_OUT("opt_out"),
    /** A follow-up touch. */
    FOLLOW_UP("follow_up");

    private final String stored;

    ReplyKind(String stored) {
        this.stored = stored;
    }

    /** As {@code messages.kind} stores it. */
    public String stored() {
        return stored;
    }

    /** The {@code kind} on the queue: a touch goes as {@code follow_up}, anything else as {@code reply}. */
    public OutgoingKind outgoing() {
        return this == FOLLOW_UP ? OutgoingKind.FOLLOW_UP : OutgoingKind.REPLY;
    }
}
