package kz.aisales.agent.control;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.ControlProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.conversation.OutgoingMessage;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.Turn;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The optional notice to the business's manager ({@code MANAGER_PHONE}): when a customer agrees to buy (intent
 * {@code yes}) or books a call, a {@code notice} with the contact, what they agreed to and their last words. Its
 * outbox id derives from the answered message, so a repeated turn notifies once.
 */
@Component
public class ManagerNotices {

    private static final DateTimeFormatter CALL_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ControlProperties control;
    private final WorkingHoursProperties hours;
    private final ObjectMapper json;

    public ManagerNotices(ControlProperties control, WorkingHoursProperties hours, ObjectMapper json) {
        this.control = control;
        this.hours = hours;
        this.json = json;
    }

    /** A manager is configured and the reply that went out closes a sale or books a call. */
    public boolean due(@ExchangeProperty(TurnExchange.REPLY) Reply reply) {
        return control.notifiesManager() && reply.sends() && ("yes".equals(reply.intent()) || reply.callAt() != null);
    }

    public String notice(@ExchangeProperty(TurnExchange.REPLY) Reply reply, @ExchangeProperty(TurnExchange.TURN) Turn turn) {
        String what = reply.callAt() != null
                ? "записался на звонок " + CALL_TIME.format(reply.callAt().atZoneSameInstant(hours.timezone()))
                : "готов купить";
        String name = turn.contact().displayName();
        String text = "🔔 " + (name.isBlank() ? "Клиент" : name) + " (+" + reply.phoneNumber() + ") " + what
                + ". Последнее сообщение: «" + turn.lastUnhandled().text() + "»";
        OutgoingMessage notice = new OutgoingMessage(ReplyFactory.outboxId(reply.replyToMessageId(), "notice"),
                control.managerPhoneDigits(), text, null, false, "notice", reply.createdAt(), null);
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manager notice", e);
        }
    }
}
