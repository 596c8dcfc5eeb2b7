package kz.aisales.gateway.polling;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.whitelist.Whitelist;

import org.springframework.stereotype.Component;

/** Decides which Wappi messages reach the agent: not the business's own, not groups, not whitelisted numbers. */
@Component
public class IncomingMessageFilter {

    static final String FROM_ME = "sent by the business (fromMe)";
    static final String GROUP = "group chat";
    static final String WHITELISTED = "whitelisted number";

    private final Whitelist whitelist;

    public IncomingMessageFilter(Whitelist whitelist) {
        this.whitelist = whitelist;
    }

    public FilterDecision decide(PolledMessage polled) {
        if (fromMe(polled.message())) {
            return FilterDecision.filtered(FROM_ME);
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
