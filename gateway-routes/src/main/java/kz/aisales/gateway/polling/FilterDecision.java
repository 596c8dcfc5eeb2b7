package kz.aisales.gateway.polling;

/**
 * Whether a Wappi message goes to the agent, and why (logged in {@code message_logs}): a customer message is
 * forwarded, a message a person at the business typed on the phone is reported as an operator event, anything
 * else is filtered.
 */
public record FilterDecision(boolean forward, boolean operator, String reason) {

    static FilterDecision forwarded() {
        return new FilterDecision(true, false, null);
    }

    static FilterDecision operatorMessage(String reason) {
        return new FilterDecision(false, true, reason);
    }

    static FilterDecision filtered(String reason) {
        return new FilterDecision(false, false, reason);
    }
}
