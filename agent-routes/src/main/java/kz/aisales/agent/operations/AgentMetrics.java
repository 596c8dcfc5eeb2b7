package kz.aisales.agent.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The agent's own meters, where only the code knows the meaning. Gemini calls, publications and dead letters
 * are measured by {@link PartnerCallMetrics} from Camel's events.
 * <ul>
 * <li>{@code aisales_messages_received_total{type}}: customer messages taken from {@code incoming_messages}</li>
 * <li>{@code aisales_followups_sent_total{touch="1".."5"}}: follow-up touches handed to {@code outgoing_messages};
 * the follow-up route calls {@link #followUpSent(int)} once per touch it publishes</li>
 * </ul>
 */
@Component
public class AgentMetrics {

    public static final String FOLLOW_UPS_SENT = "aisales.followups.sent";
    private static final int TOUCHES = 5;

    private final MeterRegistry registry;

    public AgentMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (int touch = 1; touch <= TOUCHES; touch++) {
            followUps(touch);
        }
    }

    public void received(String type) {
        Counter.builder("aisales.messages.received").description("Customer messages taken from incoming_messages, by type")
                .tag("type", type == null ? "unknown" : type).register(registry).increment();
    }

    /**
     * The tokens one model answer cost, as Gemini counted them ({@code usageMetadata}): the prompt, the answer and the
     * model's thoughts, which Flash models spend by default ({@code GEMINI_THINKING}).
     */
    public void tokens(long prompt, long output, long thoughts) {
        tokens("prompt").increment(prompt);
        tokens("output").increment(output);
        tokens("thoughts").increment(thoughts);
    }

    private Counter tokens(String type) {
        return Counter.builder("aisales.gemini.tokens").description("Tokens Gemini counted for the agent's calls, by type")
                .tag("type", type).register(registry);
    }

    public void followUpSent(int touch) {
        followUps(touch).increment();
    }

    private Counter followUps(int touch) {
        return Counter.builder(FOLLOW_UPS_SENT).description("Follow-up touches sent, by touch number")
                .tag("touch", String.valueOf(touch)).register(registry);
    }
}
