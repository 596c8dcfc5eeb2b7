package kz.aisales.agent.followup;

/** Why a follow-up sequence stopped before its last touch ({@code follow_ups.stop_reason}). */
public enum StopReason {

    CLIENT_SAID_YES("client_said_yes"),
    CLIENT_SAID_NO("client_said_no"),
    /** Any other answer: a new sequence starts when the customer falls silent again. */
    CLIENT_RESPONDED("client_responded"),
    OPTED_OUT("opted_out"),
    PAYMENT_CLAIMED("payment_claimed"),
    /** Cancelled in the console or the API. */
    OPERATOR("operator");

    private final String stored;

    StopReason(String stored) {
        this.stored = stored;
    }

    /** As {@code follow_ups.stop_reason} stores it. */
    public String stored() {
        return stored;
    }
}
