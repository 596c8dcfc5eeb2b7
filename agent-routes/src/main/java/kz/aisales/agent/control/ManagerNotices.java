package kz.aisales.agent.control;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.conversation.OutgoingKind;
import kz.aisales.agent.conversation.OutgoingMessage;
import kz.aisales.agent.conversation.PaymentClaim;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.Turn;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.prompts.CustomerData;
import kz.aisales.agent.prompts.PromptTemplates;
import kz.aisales.agent.sales.ReceiptCheck;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The optional notice to the business's manager ({@code MANAGER_PHONE}): when a customer agrees to buy (intent
 * {@code yes}), books a call or sends a payment receipt (what it says, and whether it matched), a {@code notice} with the contact, what they agreed to and their last words. Its
 * outbox id derives from the answered message, so a repeated turn notifies once. The customer's name and words are
 * quoted defused: trimmed, and with links the manager's WhatsApp will not make clickable. The words are in the
 * editable {@code manager_notices.txt}.
 */
@Component
public class ManagerNotices {

    static final int QUOTE_MAX_CHARS = 300;
    /** A link or a bare domain, which WhatsApp would make clickable. */
    private static final Pattern LINKISH = Pattern.compile("(?i)\\b(?:https?://)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}\\S*");
    private static final DateTimeFormatter CALL_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    static final String TEXTS = "manager_notices.txt";

    private final ControlProperties control;
    private final WorkingHoursProperties hours;
    private final PromptTemplates prompts;
    private final ObjectMapper json;

    public ManagerNotices(ControlProperties control, WorkingHoursProperties hours, PromptTemplates prompts, ObjectMapper json) {
        this.control = control;
        this.hours = hours;
        this.prompts = prompts;
        this.json = json;
    }

    /** A manager is configured and the reply that went out closes a sale, books a call or answers a receipt. */
    public boolean due(@ExchangeProperty(TurnExchange.REPLY) Reply reply) {
        return control.notifiesManager() && reply.sends()
                && ("yes".equals(reply.intent()) || reply.callAt() != null || reply.payment() != null);
    }

    /** The customer's words as the manager sees them: trimmed, on one line at most {@value #QUOTE_MAX_CHARS} long. */
    static String quoted(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= QUOTE_MAX_CHARS ? line : line.substring(0, QUOTE_MAX_CHARS).strip() + "…";
    }

    /** Links written so that WhatsApp does not make them clickable: {@code hxxps://evil[.]example/pay}. */
    static String defused(String text) {
        Matcher link = LINKISH.matcher(text);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            link.appendReplacement(out, Matcher.quoteReplacement(
                    link.group().replaceFirst("(?i)^http", "hxxp").replace(".", "[.]")));
        }
        link.appendTail(out);
        return out.toString();
    }

    /** The receipt as the manager reads it: what it says, and what they are to do (confirm it, or look at it). */
    static String receipt(Map<String, String> texts, PaymentClaim claim) {
        String amount = claim.amount() == null ? texts.get("no_amount") : ReceiptCheck.money(claim.amount())
                + (claim.currency() == null || "KZT".equals(claim.currency()) ? "" : " (" + claim.currency() + ")");
        String payer = claim.payerName() == null || claim.payerName().isBlank() ? ""
                : " " + PromptTemplates.fill(texts.get("payer"), Map.of("payer", defused(quoted(claim.payerName()))));
        String date = claim.date() == null || claim.date().isBlank() ? "" : ", " + defused(quoted(claim.date()));
        return PromptTemplates.fill(texts.get(claim.matches() ? "receipt_matched" : "receipt_mismatched"),
                Map.of("amount", amount, "payer", payer, "date", date, "reason", String.valueOf(claim.reason())));
    }

    public String notice(@ExchangeProperty(TurnExchange.REPLY) Reply reply, @ExchangeProperty(TurnExchange.TURN) Turn turn) {
        Map<String, String> texts = prompts.texts(TEXTS);
        String what = reply.payment() != null ? receipt(texts, reply.payment())
                : reply.callAt() != null
                ? PromptTemplates.fill(texts.get("booked_call"),
                        Map.of("call_time", CALL_TIME.format(reply.callAt().atZoneSameInstant(hours.timezone()))))
                : texts.get("wants_to_buy");
        String name = CustomerData.name(turn.contact().displayName());
        String text = PromptTemplates.fill(texts.get("notice"), Map.of("name", name.isBlank() ? texts.get("unnamed") : defused(name),
                "phone", reply.phoneNumber(), "what", what, "last_message", defused(quoted(turn.lastUnhandled().text()))));
        OutgoingMessage notice = new OutgoingMessage(ReplyFactory.outboxId(reply.replyToMessageId(), "notice"),
                control.managerPhoneDigits(), text, null, false, OutgoingKind.NOTICE, reply.createdAt(), null);
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manager notice", e);
        }
    }
}
