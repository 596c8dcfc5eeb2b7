package kz.aisales.gateway.polling;

/** Whether a Wappi message goes to the agent, and why (logged in {@code message_logs}). */
public record FilterDecision(boolean forward, String reason) {

    static FilterDecision forwarded() {
        return new FilterDecision(true, null);
    }

    static FilterDecision filtered(String reason) {
        return new FilterDecision(false, reason);
    }
}
