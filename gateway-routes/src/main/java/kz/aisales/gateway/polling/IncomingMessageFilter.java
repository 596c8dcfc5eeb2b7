package kz.aisales.gateway.polling;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.sending.OwnMessages;
import kz.aisales.gateway.whitelist.Whitelist;

import org.springframework.stereotype.Component;

/**
 * Decides which Wappi messages reach the agent: not the business's own, not groups, not whitelisted numbers.
 * One kind of the business's own messages is reported instead of dropped: a person typing to a customer on the
 * phone or WhatsApp Web (operator takeover), so the agent stops talking over them. The business's own messages are
 * told apart by what this gateway sent ({@link OwnMessages}: the ids its sends returned, or the text while the id is
 * not known yet), never by Wappi's {@code isFromAPI} flag alone, which the vendor's own sample shows {@code false} on
 * a message sent through the API. Polled and pushed (webhook) messages are decided the same way.
 */
@Component
public class IncomingMessageFilter {

    static final String FROM_ME = "sent by the business (fromMe)";
    static final String OWN_ECHO = "our own message: sent by this gateway";
    static final String GROUP = "group chat";
    static final String WHITELISTED = "whitelisted number";
    static final String OPERATOR = "typed by a person at the business: operator event for the agent";
    static final String OPERATOR_VIA_API = OPERATOR
            + " (Wappi marks it as sent through the API, but none of this gateway's sends was it)";

    private final Whitelist whitelist;
    private final OwnMessages ownMessages;

    public IncomingMessageFilter(Whitelist whitelist, OwnMessages ownMessages) {
        this.whitelist = whitelist;
        this.ownMessages = ownMessages;
    }

    public FilterDecision decide(PolledMessage polled) {
        boolean group = isGroupChat(polled.chatId(), polled.message().path("isGroup").asBoolean(false));
        if (fromMe(polled.message())) {
            if (group || whitelist.contains(polled.chatId())) {
                return FilterDecision.filtered(FROM_ME);
            }
            JsonNode body = polled.message().path("body");
            if (ownMessages.isOwn(polled.id(), polled.chatId(), body.isTextual() ? body.asText() : null, polled.time())) {
                return FilterDecision.filtered(OWN_ECHO);
            }
            return FilterDecision.operatorMessage(markedAsApi(polled.message()) ? OPERATOR_VIA_API : OPERATOR);
        }
        if (group) {
            return FilterDecision.filtered(GROUP);
        }
        if (whitelist.contains(polled.chatId())) {
            return FilterDecision.filtered(WHITELISTED);
        }
        return FilterDecision.forwarded();
    }

    /** Wappi says the API sent it: {@code isFromAPI: true} when polled, {@code outgoing_message_api} when pushed. */
    private static boolean markedAsApi(JsonNode message) {
        return message.path("isFromAPI").asBoolean(false)
                || "outgoing_message_api".equals(message.path("wh_type").asText(""));
    }

    /** The business's own message (sent by this system or typed on the business phone); {@code is_me} when pushed. */
    public boolean fromMe(JsonNode message) {
        return message.path("fromMe").asBoolean(false) || message.path("is_me").asBoolean(false);
    }

    public boolean isGroupChat(String chatId, boolean groupFlag) {
        return groupFlag || (chatId != null && chatId.endsWith("@g.us"));
    }
}
