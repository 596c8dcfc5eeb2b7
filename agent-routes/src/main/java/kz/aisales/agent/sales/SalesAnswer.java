package kz.aisales.agent.sales;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.moderation.Classification;
import kz.aisales.support.gemini.GeminiException;

/**
 * The sales agent's structured answer: the reply, the intent of the customer's latest message (used by
 * follow-ups; {@code opt_out} opts the customer out) and the call the customer agreed to, if any ({@code time} as local {@code YYYY-MM-DDTHH:MM}).
 * When the customer sent files, {@link #schema} also asks what each shows ({@code files_seen}, kept for later turns)
 * and what a payment receipt among them says; for a contact not classified yet, the moderator's {@code verdict}, the
 * reply then being the greeting when the verdict is null (nothing to go on).
 */
public record SalesAnswer(String reply, String intent, CallRequest call, Receipt receipt,
        @JsonProperty("files_seen") List<String> filesSeen, Classification verdict) {

    public record CallRequest(boolean agreed, String time) {
    }

    public static final List<String> INTENTS = List.of("yes", "no", "uncertain", Reply.OPT_OUT_INTENT, "other");

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

    /** What the sales call asks for: with {@code files_seen} and {@code receipt} when the customer sent files, with the verdict for a contact not classified yet. */
    static Map<String, Object> schema(boolean files, boolean verdict) {
        if (!files && !verdict) {
            return SCHEMA;
        }
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) SCHEMA.get("properties"));
        List<String> required = new ArrayList<>((List<String>) SCHEMA.get("required"));
        if (files) {
            properties.put("files_seen", Map.of("type", "array", "items", Map.of("type", "string"),
                    "description", "for each file the customer just sent, in order: what it shows, in one short sentence in Russian"));
            properties.put("receipt", RECEIPT_SCHEMA);
            required.addAll(List.of("files_seen", "receipt"));
        }
        if (verdict) {
            properties.put("verdict", Classification.VERDICT_SCHEMA);
            required.add("verdict");
        }
        return Map.of("type", "object", "properties", properties, "required", required);
    }

    private static final Map<String, Object> RECEIPT_SCHEMA = Map.of("type", "object",
            "description", "whether a file the customer just sent is a payment receipt (Kaspi or a bank transfer), and what it says",
            "properties", Map.of(
                    "is_receipt", Map.of("type", "boolean", "description", "a file is a receipt or screenshot of a completed payment"),
                    "amount", Map.of("type", List.of("number", "null"), "description", "the total paid, as a number, or null"),
                    "currency", Map.of("type", List.of("string", "null"), "description", "ISO code such as KZT, or null"),
                    "date", Map.of("type", List.of("string", "null"), "description", "the payment date, YYYY-MM-DD, or null"),
                    "payer_name", Map.of("type", List.of("string", "null"), "description", "who paid, as written, or null"),
                    "merchant", Map.of("type", List.of("string", "null"), "description", "who was paid, as written, or null")),
            "required", List.of("is_receipt", "amount", "currency", "date", "payer_name", "merchant"));

    /**
     * The moderator's verdict the model gave with its reply, the reply standing for the greeting; a missing one makes
     * the answer unusable, as a missing reply does.
     */
    public Classification classification() {
        if (verdict == null) {
            throw new GeminiException("sales answer without the verdict asked for");
        }
        return new Classification(verdict.isClient(), verdict.confidence(), verdict.reasoning(), reply);
    }

    /** A receipt the model read on the customer's files; null when it saw none. */
    public Receipt paymentReceipt() {
        return receipt != null && receipt.isReceipt() ? receipt : null;
    }

    public String normalisedIntent() {
        return intent != null && INTENTS.contains(intent) ? intent : "other";
    }

    public boolean optOut() {
        return Reply.OPT_OUT_INTENT.equals(normalisedIntent());
    }
}
