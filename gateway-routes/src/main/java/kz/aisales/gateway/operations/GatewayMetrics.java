package kz.aisales.gateway.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The gateway's own meters, where only the code knows the meaning (Camel's route metrics count exchanges,
 * not message types or transcription outcomes). Calls to partners and queues are measured by
 * {@link PartnerCallMetrics} from Camel's events.
 * <ul>
 * <li>{@code aisales_messages_received_total{type, outcome=forwarded|filtered|operator}}: new Wappi messages</li>
 * <li>{@code aisales_messages_sent_total{kind}}: replies and follow-ups Wappi accepted</li>
 * <li>{@code aisales_transcriptions_total{outcome=ok|failed}}</li>
 * </ul>
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : new String[] {"ok", "failed"}) {
            transcriptions(outcome);
        }
    }

    public void received(String type, String outcome) {
        Counter.builder("aisales.messages.received").description("New Wappi messages by type and what the gateway did")
                .tag("type", type == null ? "unknown" : type).tag("outcome", outcome)
                .register(registry).increment();
    }

    public void sent(String kind) {
        Counter.builder("aisales.messages.sent").description("Messages Wappi accepted for sending")
                .tag("kind", kind == null ? "reply" : kind).register(registry).increment();
    }

    public void transcribed(boolean ok) {
        transcriptions(ok ? "ok" : "failed").increment();
    }

    private Counter transcriptions(String outcome) {
        return Counter.builder("aisales.transcriptions").description("Voice notes transcribed or forwarded untranscribed")
                .tag("outcome", outcome).register(registry);
    }
}
