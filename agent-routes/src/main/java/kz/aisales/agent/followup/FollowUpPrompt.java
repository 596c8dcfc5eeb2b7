package kz.aisales.agent.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.config.WorkingHoursProperties;
import kz.aisales.agent.control.Languages;
import kz.aisales.agent.conversation.ChatMessage;
import kz.aisales.agent.conversation.ReplyCheck;
import kz.aisales.agent.conversation.Transcripts;
import kz.aisales.agent.conversation.Turn;
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.gemini.GeminiRequest;
import kz.aisales.agent.gemini.GeminiRequestFactory;
import kz.aisales.agent.gemini.StructuredAnswers;
import kz.aisales.agent.gemini.Thinking;
import kz.aisales.agent.prompts.CustomerData;
import kz.aisales.agent.prompts.PromptTemplates;
import kz.aisales.support.gemini.GeminiException;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Writes touch N with {@code follow_up_prompt.txt}: the touch's strategy (1 friendly reminder, 2 value,
 * 3 social proof, 4 last chance, 5 farewell; their words, the reasons and the user message's headings are in the
 * editable {@code follow_up_texts.txt}) and the original variables {@code touch_number},
 * {@code conversation_history}, {@code last_bot_message}, {@code last_client_message}, {@code follow_up_reason},
 * {@code hours_since_last_message} (since the customer's last message) and {@code current_datetime}; the
 * instruction to write in the contact's stored language follows the prompt.
 */
@Component
public class FollowUpPrompt {

    static final String PROMPT = "follow_up_prompt.txt";
    static final String TEXTS = "follow_up_texts.txt";
    static final int TOUCHES = 5;
    private static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("reply", Map.of("type", "string", "description", "the follow-up message to send, in the customer's language")),
            "required", List.of("reply"));
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm, EEEE", Locale.forLanguageTag("ru"));

    /** The follow-up's answer: only the message. */
    record FollowUpAnswer(String reply) {
    }

    private final PromptTemplates prompts;
    private final GeminiRequestFactory requests;
    private final StructuredAnswers answers;
    private final ReplyCheck check;
    private final BusinessProperties business;
    private final WorkingHoursProperties hours;
    private final Languages languages;
    private final Clock clock;

    public FollowUpPrompt(PromptTemplates prompts, GeminiRequestFactory requests, StructuredAnswers answers, ReplyCheck check,
            BusinessProperties business, WorkingHoursProperties hours, Languages languages, Clock clock) {
        this.prompts = prompts;
        this.requests = requests;
        this.answers = answers;
        this.check = check;
        this.business = business;
        this.hours = hours;
        this.languages = languages;
        this.clock = clock;
    }

    /** The request that writes this touch of this conversation, after the customer's last intent. */
    public GeminiRequest request(@ExchangeProperty(FollowUpRoutes.TOUCH) DueTouch touch,
            @ExchangeProperty(TurnExchange.TURN) Turn conversation, @ExchangeProperty(FollowUpRoutes.LAST_INTENT) String lastIntent) {
        Map<String, String> texts = prompts.texts(TEXTS);
        Map<String, String> variables = variables(texts, touch.touchNumber(), conversation, lastIntent,
                ZonedDateTime.now(clock.withZone(hours.timezone())));
        Map<String, String> system = new HashMap<>(variables);
        system.put("conversation_history", CustomerData.IN_USER_MESSAGE);
        system.put("last_client_message", CustomerData.IN_USER_MESSAGE);
        system.put("contact_name", CustomerData.NAME_IN_USER_MESSAGE);
        String instruction = prompts.render(PROMPT, system) + "\n\n" + languages.instruction(conversation.contact().language());
        return requests.structured(Thinking.Kind.FOLLOW_UP, instruction, List.of(GeminiRequest.Content.user(
                CustomerData.fencedName(conversation.contact().displayName())
                        + CustomerData.fenced(texts.get("history_heading"), variables.get("conversation_history"))
                        + CustomerData.fenced(texts.get("last_message_heading"), variables.get("last_client_message"))
                        + PromptTemplates.fill(texts.get("request"), variables))), SCHEMA);
    }

    /** The touch's text from the model's answer, checked like a reply (links, numbers, length). */
    public String text(@Body String answer) {
        FollowUpAnswer followUp = answers.read(answer, FollowUpAnswer.class);
        if (followUp.reply() == null || followUp.reply().isBlank()) {
            throw new GeminiException("follow-up answer without reply text");
        }
        return check.checked(followUp.reply().strip());
    }

    Map<String, String> variables(int touch, Turn conversation, String lastCustomerIntent, ZonedDateTime now) {
        return variables(prompts.texts(TEXTS), touch, conversation, lastCustomerIntent, now);
    }

    private Map<String, String> variables(Map<String, String> texts, int touch, Turn conversation, String lastCustomerIntent,
            ZonedDateTime now) {
        List<ChatMessage> history = conversation.history();
        ChatMessage lastCustomer = last(history, true);
        ChatMessage lastBot = last(history, false);
        ChatMessage silentSince = lastCustomer != null ? lastCustomer : lastBot;
        Map<String, String> variables = new HashMap<>();
        variables.put("business_name", business.name());
        variables.put("kaspi_payment_link", business.kaspiPaymentLink() == null ? "" : business.kaspiPaymentLink());
        variables.put("contact_name", conversation.contact().displayName());
        variables.put("touch_number", String.valueOf(touch));
        variables.put("touch_strategy", texts.get("touch_" + Math.min(touch, TOUCHES)));
        variables.put("conversation_history", Transcripts.plain(history, CustomerData.name(conversation.contact().displayName())));
        variables.put("last_bot_message", lastBot == null ? "" : lastBot.text());
        variables.put("last_client_message", lastCustomer == null ? "" : lastCustomer.text());
        variables.put("follow_up_reason", reason(texts, touch, lastCustomerIntent));
        variables.put("hours_since_last_message", silentSince == null ? "0"
                : String.valueOf(Math.max(0, Duration.between(silentSince.sentAt().toInstant(), now.toInstant()).toHours())));
        variables.put("current_datetime", NOW.format(now));
        return variables;
    }

    private static String reason(Map<String, String> texts, int touch, String lastCustomerIntent) {
        if ("uncertain".equals(lastCustomerIntent)) {
            return texts.get("reason_uncertain");
        }
        return touch == 1 ? texts.get("reason_first")
                : PromptTemplates.fill(texts.get("reason_again"), Map.of("previous_touches", String.valueOf(touch - 1)));
    }

    private static ChatMessage last(List<ChatMessage> history, boolean fromCustomer) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).fromCustomer() == fromCustomer) {
                return history.get(i);
            }
        }
        return null;
    }
}
