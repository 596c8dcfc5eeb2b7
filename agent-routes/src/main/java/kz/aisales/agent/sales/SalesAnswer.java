package kz.aisales.agent.sales;

import java.util.List;
import java.util.Map;

/**
 * The sales agent's structured answer: the reply, the intent of the customer's latest message (used by
 * follow-ups; {@code opt_out} opts the customer out) and the call the customer agreed to, if any ({@code time} as local {@code YYYY-MM-DDTHH:MM}).
 */
public record SalesAnswer(String reply, String intent, CallRequest call) {

    public record CallRequest(boolean agreed, String time) {
    }

    public static final List<String> INTENTS = List.of("yes", "no", "uncertain", "opt_out", "other");

    static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "reply", Map.of("type", "string", "description", "the message to send, in the customer's language"),
                    "intent", Map.of("type", "string", "enum", INTENTS,
                            "description", "the customer's latest message: yes = agrees/buys, no = refuses, uncertain = hesitates,"
                                    + " opt_out = asks us to stop messaging them, other"),
                    "call", Map.of("type", "object",
                            "properties", Map.of(
                                    "agreed", Map.of("type", "boolean", "description", "the customer clearly agreed to a call at a definite time"),
                                    "time", Map.of("type", List.of("string", "null"),
                                            "description", "agreed call time, local, YYYY-MM-DDTHH:MM, or null")),
                            "required", List.of("agreed", "time"))),
            "required", List.of("reply", "intent", "call"));

    public String normalisedIntent() {
        return intent != null && INTENTS.contains(intent) ? intent : "other";
    }

    public boolean optOut() {
        return "opt_out".equals(normalisedIntent());
    }
}
