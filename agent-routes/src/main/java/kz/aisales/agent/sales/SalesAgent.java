package kz.aisales.agent.sales;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.aisales.agent.calls.CallPlan;
import kz.aisales.agent.calls.CallPlanner;
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
import kz.aisales.agent.conversation.TurnExchange;
import kz.aisales.agent.gemini.GeminiRequest;
import kz.aisales.agent.gemini.GeminiRequestFactory;
import kz.aisales.agent.gemini.StructuredAnswers;
import kz.aisales.agent.gemini.Thinking;
import kz.aisales.agent.knowledge.KnowledgeSearch;
import kz.aisales.agent.moderation.Classification;
import kz.aisales.agent.moderation.Moderator;
import kz.aisales.agent.prompts.CustomerData;
import kz.aisales.agent.prompts.PromptTemplates;
import kz.aisales.support.gemini.GeminiException;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The SPIN sales consultant: builds its prompt (business facts, knowledge-base passages relevant to the
 * customer's recent messages, the time and working hours, the customer's language; the images and documents the
 * customer just sent, inline) and turns its structured
 * answer into a reply (checked: {@link ReplyCheck}), replacing it with a valid slot when the agreed call time is outside working hours, with
 * the opt-out confirmation when the customer asked not to be messaged, and with the fixed thanks for a payment receipt
 * ({@link ReceiptCheck}), so no model text ever tells the customer a payment is confirmed.
 */
@Component
public class SalesAgent {

    static final String PROMPT = "sales_agent_prompt.txt";
    /** Added for a contact not classified yet: the moderator's rules, and what the reply is for each verdict. */
    static final String VERDICT_PROMPT = "sales_verdict_prompt.txt";
    private static final int RECENT_CUSTOMER_MESSAGES = 3;
    private static final DateTimeFormatter NOW = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm, EEEE", Locale.forLanguageTag("ru"));

    private final PromptTemplates prompts;
    private final GeminiRequestFactory requests;
    private final StructuredAnswers answers;
    private final KnowledgeSearch knowledge;
    private final CallPlanner calls;
    private final ReplyFactory replies;
    private final ReplyCheck check;
    private final BusinessProperties business;
    private final WorkingHoursProperties hours;
    private final Languages languages;
    private final Clock clock;
    private final ReceiptCheck receipts;
    private final ConversationStore store;

    public SalesAgent(PromptTemplates prompts, GeminiRequestFactory requests, StructuredAnswers answers, KnowledgeSearch knowledge,
            CallPlanner calls, ReplyFactory replies, ReplyCheck check, BusinessProperties business, WorkingHoursProperties hours, Languages languages,
            Clock clock, ReceiptCheck receipts, ConversationStore store) {
        this.prompts = prompts;
        this.requests = requests;
        this.answers = answers;
        this.knowledge = knowledge;
        this.calls = calls;
        this.replies = replies;
        this.check = check;
        this.business = business;
        this.hours = hours;
        this.languages = languages;
        this.clock = clock;
        this.receipts = receipts;
        this.store = store;
    }

    public GeminiRequest request(@ExchangeProperty(TurnExchange.TURN) Turn turn) {
        Map<String, String> variables = new HashMap<>();
        variables.put("business_name", business.name());
        variables.put("kaspi_payment_link", business.kaspiPaymentLink() == null ? "" : business.kaspiPaymentLink());
        variables.put("contact_name", CustomerData.NAME_IN_USER_MESSAGE);
        variables.put("knowledge_base", knowledge.passagesFor(recentCustomerText(turn)));
        variables.put("current_time", NOW.format(ZonedDateTime.now(clock.withZone(hours.timezone()))));
        variables.put("working_hours", PromptTemplates.fill(prompts.texts(PromptTemplates.TURN_TEXTS).get("working_hours"), Map.of(
                "start", String.format("%02d", hours.start()), "end", String.format("%02d", hours.end()),
                "timezone", hours.timezone().toString())));
        boolean judging = turn.contact().isClient() == null;
        String system = prompts.render(PROMPT, variables)
                + (judging ? "\n\n" + prompts.render(VERDICT_PROMPT, Map.of("moderation_rules", prompts.render(Moderator.RULES, Map.of()))) : "")
                + "\n\n" + languages.instruction(turn.contact().language());
        List<GeminiRequest.Content> conversation = Transcripts.withAttachments(
                Transcripts.contents(turn.history(), CustomerData.fencedName(turn.contact().displayName())), turn.attachments());
        return requests.structured(Thinking.Kind.SALES, system, conversation, SalesAnswer.schema(!turn.attachments().isEmpty(), judging));
    }

    public SalesAnswer read(@Body String answer) {
        return answers.read(answer, SalesAnswer.class);
    }

    /** The moderator's verdict that came with a new contact's first sales answer. */
    public Classification verdict(@ExchangeProperty(TurnExchange.SALES_ANSWER) SalesAnswer answer) {
        return answer.classification();
    }

    public Reply reply(@ExchangeProperty(TurnExchange.TURN) Turn turn, @ExchangeProperty(TurnExchange.SALES_ANSWER) SalesAnswer sales) {
        if (sales.reply() == null || sales.reply().isBlank()) {
            throw new GeminiException("sales answer without reply text");
        }
        if (sales.filesSeen() != null && !turn.attachments().isEmpty()) {
            store.describeFiles(turn.attachments(), sales.filesSeen());
        }
        if (sales.optOut()) {
            return replies.optOut(turn);
        }
        // only a file the customer sent in this turn can be a receipt, whatever the model says otherwise
        if (sales.paymentReceipt() != null && !turn.attachments().isEmpty()) {
            return replies.receipt(turn, receipts.judge(sales.paymentReceipt()));
        }
        CallPlan plan = sales.call() == null ? calls.plan(false, null) : calls.plan(sales.call().agreed(), sales.call().time());
        return switch (plan.decision()) {
            case BOOK -> replies.reply(turn, check.checked(sales.reply()), sales.normalisedIntent(), plan.time().toOffsetDateTime());
            case PROPOSE -> replies.reply(turn, business.callSlotProposal().replace("{slot}", CallPlanner.describe(plan.time())),
                    sales.normalisedIntent(), null);
            case NONE -> replies.reply(turn, check.checked(sales.reply()), sales.normalisedIntent(), null);
        };
    }

    private static String recentCustomerText(Turn turn) {
        List<ChatMessage> customer = turn.history().stream().filter(ChatMessage::fromCustomer).toList();
        return String.join(" ", customer.subList(Math.max(0, customer.size() - RECENT_CUSTOMER_MESSAGES), customer.size())
                .stream().map(ChatMessage::text).toList());
    }
}
