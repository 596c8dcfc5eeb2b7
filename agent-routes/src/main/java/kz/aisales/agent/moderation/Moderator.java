package kz.aisales.agent.moderation;

import java.util.List;
import java.util.Map;

import kz.aisales.agent.config.BusinessProperties;
import kz.aisales.agent.conversation.ConversationStore;
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

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Asks whether an unclassified contact is a potential client, and records the answer on the contact; for one it
 * cannot place yet, the same call writes the greeting, so an unknown contact is not sent the same fixed text on every
 * turn and costs no second call.
 */
@Component
public class Moderator {

    static final String PROMPT = "moderator_prompt.txt";
    /** Who is a potential client: the moderator's prompt and a new contact's first sales prompt share them. */
    public static final String RULES = "moderation_rules.txt";
    static final int MAX_GREETING_CHARS = 400;

    private final PromptTemplates prompts;
    private final GeminiRequestFactory requests;
    private final StructuredAnswers answers;
    private final ConversationStore store;
    private final BusinessProperties business;
    private final ReplyCheck check;

    public Moderator(PromptTemplates prompts, GeminiRequestFactory requests, StructuredAnswers answers,
            ConversationStore store, BusinessProperties business, ReplyCheck check) {
        this.prompts = prompts;
        this.requests = requests;
        this.answers = answers;
        this.store = store;
        this.business = business;
        this.check = check;
    }

    public GeminiRequest request(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        String name = CustomerData.name(turn.contact().displayName());
        String fullName = CustomerData.name(turn.contact().fullName());
        String system = prompts.render(PROMPT, Map.of(
                "contact_name", CustomerData.NAME_IN_USER_MESSAGE,
                "full_name", CustomerData.NAME_IN_USER_MESSAGE,
                "business_name", business.name(),
                "conversation_history", CustomerData.IN_USER_MESSAGE,
                "moderation_rules", prompts.render(RULES, Map.of())));
        Map<String, String> texts = prompts.texts(PromptTemplates.TURN_TEXTS);
        return requests.structured(Thinking.Kind.MODERATOR, system, List.of(GeminiRequest.Content.user(
                CustomerData.fencedName(name)
                        + (fullName.isEmpty() || fullName.equals(name) ? ""
                                : CustomerData.fenced(texts.get("moderator_full_name_heading"), fullName))
                        + CustomerData.fenced(texts.get("moderator_history_heading"), Transcripts.plain(turn.history(), name))
                        + texts.get("moderator_request"))), Classification.SCHEMA);
    }

    public Classification read(@Body String answer) {
        return answers.read(answer, Classification.class);
    }

    /** Stores the verdict and returns the turn with the contact as now classified. */
    public Turn record(@ExchangeProperty(TurnExchange.TURN) Turn turn, @ExchangeProperty(TurnExchange.VERDICT) Classification verdict) {
        store.classify(turn.contact().id(), verdict.isClient(), verdict.confidence(), verdict.reasoning());
        return turn.withContact(turn.contact().classified(verdict.isClient()));
    }

    /**
     * The moderator's greeting for a contact it cannot place yet, checked like every reply the model writes; null
     * (the fixed {@code GREETING_REPLY} is sent) when it wrote none, or one too long for a greeting.
     */
    public String greeting(@ExchangeProperty(TurnExchange.VERDICT) Classification verdict) {
        if (verdict.isClient() != null || verdict.greeting() == null || verdict.greeting().isBlank()) {
            return null;
        }
        String checked = check.checked(verdict.greeting().strip());
        return checked.isBlank() || checked.length() > MAX_GREETING_CHARS ? null : checked;
    }
}
