package kz.aisales.gateway.polling;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.whitelist.Whitelist;

import org.springframework.stereotype.Component;

/**
 * Decides which Wappi messages reach the agent: not the business's own, not groups, not whitelisted numbers.
 * One kind of the business's own messages is reported instead of dropped: a person typing to a customer on the
 * phone or WhatsApp Web (operator takeover), so the agent stops talking over them.
 */
@Component
public class IncomingMessageFilter {

    static final String FROM_ME = "sent by the business (fromMe)";
    static final String GROUP = "group chat";
    static final String WHITELISTED = "whitelisted number";
    static final String OPERATOR = "typed by a person at the business: operator event for the agent";
    private static final String PHONE_WEBHOOK = "outgoing_message_phone";

    private final Whitelist whitelist;

    public IncomingMessageFilter(Whitelist whitelist) {
        this.whitelist = whitelist;
    }

    public FilterDecision decide(PolledMessage polled) {
        if (fromMe(polled.message())) {
            return typedByOperator(polled.message()) && !isGroupChat(polled.chatId(), false) && !whitelist.contains(polled.chatId())
                    ? FilterDecision.operatorMessage(OPERATOR)
                    : FilterDecision.filtered(FROM_ME);
        }
        if (isGroupChat(polled.chatId(), false)) {
            return FilterDecision.filtered(GROUP);
        }
        if (whitelist.contains(polled.chatId())) {
            return FilterDecision.filtered(WHITELISTED);
        }
        return FilterDecision.forwarded();
    }

    /**
     * The business's own message was typed by a person, not sent through the API: {@code isFromAPI} explicitly
     * false (a message without the flag counts as ours), or the webhook's {@code outgoing_message_phone}.
     */
    boolean typedByOperator(JsonNode message) {
        JsonNode fromApi = message.path("isFromAPI");
        return PHONE_WEBHOOK.equals(message.path("wh_type").asText("")) || fromApi.isBoolean() && !fromApi.asBoolean();
    }

    /**
     * The one place that knows a message is the business's own: sent by this system through the API
     * ({@code isFromAPI}) or typed by a person on the business phone. {@code is_me} is the webhook's name.
     */
    public boolean fromMe(JsonNode message) {
        return message.path("fromMe").asBoolean(false) || message.path("is_me").asBoolean(false);
    }

    public boolean isGroupChat(String chatId, boolean groupFlag) {
        return groupFlag || (chatId != null && chatId.endsWith("@g.us"));
    }
}
