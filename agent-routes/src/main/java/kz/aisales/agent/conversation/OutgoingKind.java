package kz.aisales.agent.conversation;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code kind} of a message on {@code outgoing_messages} / {@code outgoing_follow_ups} (docs/queues.md). */
public enum OutgoingKind {

    /** An answer to what the customer wrote. */
    REPLY("reply"),
    /** A follow-up touch, on {@code outgoing_follow_ups}. */
    FOLLOW_UP("follow_up"),
    /** To the business's manager. */
    NOTICE("notice"),
    /** Written by a person at the business in the console. */
    OPERATOR("operator");

    private final String wire;

    OutgoingKind(String wire) {
        this.wire = wire;
    }

    /** As the queue message spells it. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** A reply or a touch: what may go as short bubbles. */
    public boolean toTheCustomer() {
        return this == REPLY || this == FOLLOW_UP;
    }

    /** The kind a queue message spells, or null for another (or none). */
    public static OutgoingKind of(String wire) {
        for (OutgoingKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return kind;
            }
        }
        return null;
    }
}
