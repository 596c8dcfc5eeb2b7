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
import kz.aisales.agent.conversation.ConversationStore;
import kz.aisales.agent.conversation.Reply;
import kz.aisales.agent.conversation.ReplyCheck;
import kz.aisales.agent.conversation.ReplyFactory;
import kz.aisales.agent.conversation.Transcripts;
import kz.aisales.agent.conversation.Turn;
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
 * 3 social proof, 4 last chance, 5 farewell) and the original variables {@code touch_number},
 * {@code conversation_history}, {@code last_bot_message}, {@code last_client_message}, {@code follow_up_reason},
 * {@code hours_since_last_message} (since the customer's last message) and {@code current_datetime}; the
 * instruction to write in the contact's stored language follows the prompt.
 */
@Component
public class FollowUpPrompt {

    static final String PROMPT = "follow_up_prompt.txt";
    static final List<String> STRATEGIES = List.of(
            "дружеское напоминание; если клиент высказал возражение, ответь на него",
            "конкретная ценность: что он сможет создать, один проект окупает курс",
            "социальное доказательство только из реальных фактов: реальные результаты проектов",
            "честно последний шанс, без выдуманных сроков и скидок",
            "прощание, которое оставляет дверь открытой");
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
    private final ConversationStore conversations;
    private final FollowUpStore followUps;
    private final ReplyFactory replies;
    private final ReplyCheck check;
    private final BusinessProperties business;
    private final WorkingHoursProperties hours;
    private final Languages languages;
    private final Clock clock;

    public FollowUpPrompt(PromptTemplates prompts, GeminiRequestFactory requests, StructuredAnswers answers,
            ConversationStore conversations, FollowUpStore followUps, ReplyFactory replies, ReplyCheck check, BusinessProperties business,
            WorkingHoursProperties hours, Languages languages, Clock clock) {
        this.prompts = prompts;
        this.requests = requests;
        this.answers = answers;
        this.conversations = conversations;
        this.followUps = followUps;
        this.replies = replies;
        this.check = check;
        this.business = business;
        this.hours = hours;
        this.languages = languages;
        this.clock = clock;
    }

    public GeminiRequest request(@Body DueTouch touch) {
        Turn conversation = conversations.loadTurn(touch.phoneNumber());
        Map<String, String> variables = variables(touch.touchNumber(), conversation, followUps.lastCustomerIntent(touch.contactId()),
                ZonedDateTime.now(clock.withZone(hours.timezone())));
        Map<String, String> system = new HashMap<>(variables);
        system.put("conversation_history", CustomerData.IN_USER_MESSAGE);
        system.put("last_client_message", CustomerData.IN_USER_MESSAGE);
        system.put("contact_name", CustomerData.NAME_IN_USER_MESSAGE);
        String instruction = prompts.render(PROMPT, system) + "\n\n" + languages.instruction(conversation.contact().language());
        return requests.structured(Thinking.Kind.FOLLOW_UP, instruction, List.of(GeminiRequest.Content.user(
                CustomerData.fencedName(conversation.contact().displayName())
                        + CustomerData.fenced("Переписка", variables.get("conversation_history"))
                        + CustomerData.fenced("Последнее сообщение клиента", variables.get("last_client_message"))
                        + "Напиши касание номер " + touch.touchNumber() + " и верни JSON.")), SCHEMA);
    }

    public Reply reply(@ExchangeProperty(FollowUpRoutes.TOUCH) DueTouch touch, @Body String answer) {
        FollowUpAnswer followUp = answers.read(answer, FollowUpAnswer.class);
        if (followUp.reply() == null || followUp.reply().isBlank()) {
            throw new GeminiException("follow-up answer without reply text");
        }
        return replies.followUp(touch.contactId(), touch.phoneNumber(), touch.outboxId(), check.checked(followUp.reply().strip()));
    }

    Map<String, String> variables(int touch, Turn conversation, String lastCustomerIntent, ZonedDateTime now) {
        List<ChatMessage> history = conversation.history();
        ChatMessage lastCustomer = last(history, true);
        ChatMessage lastBot = last(history, false);
        ChatMessage silentSince = lastCustomer != null ? lastCustomer : lastBot;
        Map<String, String> variables = new HashMap<>();
        variables.put("business_name", business.name());
        variables.put("kaspi_payment_link", business.kaspiPaymentLink() == null ? "" : business.kaspiPaymentLink());
        variables.put("contact_name", conversation.contact().displayName());
        variables.put("touch_number", String.valueOf(touch));
        variables.put("touch_strategy", STRATEGIES.get(Math.min(touch, STRATEGIES.size()) - 1));
        variables.put("conversation_history", Transcripts.plain(history, CustomerData.name(conversation.contact().displayName())));
        variables.put("last_bot_message", lastBot == null ? "" : lastBot.text());
        variables.put("last_client_message", lastCustomer == null ? "" : lastCustomer.text());
        variables.put("follow_up_reason", reason(touch, lastCustomerIntent));
        variables.put("hours_since_last_message", silentSince == null ? "0"
                : String.valueOf(Math.max(0, Duration.between(silentSince.sentAt().toInstant(), now.toInstant()).toHours())));
        variables.put("current_datetime", NOW.format(now));
        return variables;
    }

    private static String reason(int touch, String lastCustomerIntent) {
        if ("uncertain".equals(lastCustomerIntent)) {
            return "клиент ответил неопределённо (например, «подумаю») и больше не писал";
        }
        return touch == 1 ? "клиент не ответил на наше последнее сообщение"
                : "клиент не ответил ни на наше сообщение, ни на предыдущие касания (" + (touch - 1) + ")";
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
