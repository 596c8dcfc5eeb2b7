package kz.aisales.agent.followup;

import java.util.Locale;
import java.util.regex.Pattern;

import kz.aisales.agent.config.FollowUpProperties;

import org.springframework.stereotype.Component;

/**
 * The sequence's state machine. A customer message decides, by its intent: a clear yes stops the sequence;
 * a clear no, or a request not to be messaged (opt-out), stops it and no sequence ever starts again for the
 * contact; a payment receipt for the business (intent {@code paid}) stops it for good too; an uncertain answer lets it
 * continue at the same touch; any other message stops it, and a new one starts with the bot's reply. A
 * sequence completes once its last touch is sent.
 */
@Component
public class FollowUpPolicy {

    /** Not a model's intent: the turn's reply answers a payment receipt for the business. */
    public static final String PAID = "paid";

    private static final Pattern UNCERTAIN = words("подумаю", "подумать", "может быть", "посмотрю", "посмотрим", "не знаю",
            "не уверен", "не уверена", "позже", "ойланамын", "maybe", "not sure", "later", "i'll think");
    private static final Pattern NO = words("нет", "не надо", "не нужно", "не интересно", "неинтересно", "отказываюсь",
            "не пишите", "жоқ", "no", "not interested", "stop");
    private static final Pattern YES = words("да", "давайте", "беру", "готов", "готова", "согласен", "согласна", "оплачу",
            "оплатил", "оплатила", "хочу купить", "иә", "yes");

    public enum Action { NONE, START, CONTINUE }

    /** What a customer message does: stop the active sequence (with this reason), rule out follow-ups, start or continue one. */
    public record Decision(StopReason stopReason, boolean declines, Action action) {
    }

    private final int touches;

    public FollowUpPolicy(FollowUpProperties followUps) {
        this.touches = followUps.touches();
    }

    /**
     * @param intent    yes, no, opt_out, uncertain or other: the intent of the customer's latest message; paid: a receipt
     * @param hasActive whether the contact has an active sequence
     * @param mayStart  whether a new sequence may start: feature on, an eligible contact, a reply sent
     */
    public Decision afterCustomerMessage(String intent, boolean hasActive, boolean mayStart) {
        return switch (intent) {
            case "yes" -> new Decision(hasActive ? StopReason.CLIENT_SAID_YES : null, false, Action.NONE);
            case "no" -> new Decision(hasActive ? StopReason.CLIENT_SAID_NO : null, true, Action.NONE);
            case "opt_out" -> new Decision(hasActive ? StopReason.OPTED_OUT : null, true, Action.NONE);
            case PAID -> new Decision(hasActive ? StopReason.PAYMENT_CLAIMED : null, true, Action.NONE);
            case "uncertain" -> new Decision(null, false, hasActive ? Action.CONTINUE : mayStart ? Action.START : Action.NONE);
            default -> new Decision(hasActive ? StopReason.CLIENT_RESPONDED : null, false, mayStart ? Action.START : Action.NONE);
        };
    }

    /** Whether sending this touch completes the sequence. */
    public boolean isLast(int touch) {
        return touch >= touches;
    }

    /** The stop reason of a sequence whose every touch was sent: {@code completed_5_touches} by default. */
    public String completedReason() {
        return "completed_" + touches + "_touches";
    }

    /** Keyword rules for the intent, used only when Gemini could not judge the message. */
    public static String intentFromKeywords(String text) {
        String normalised = text == null ? "" : text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (UNCERTAIN.matcher(normalised).find()) {
            return "uncertain";
        }
        if (NO.matcher(normalised).find()) {
            return "no";
        }
        return YES.matcher(normalised).find() ? "yes" : "other";
    }

    private static Pattern words(String... phrases) {
        return Pattern.compile("(?<![\\p{L}])(" + String.join("|", phrases) + ")(?![\\p{L}])");
    }
}
