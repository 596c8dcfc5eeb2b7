package kz.aisales.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import kz.aisales.agent.operations.AgentMetrics;

import org.junit.jupiter.api.Test;

class GeminiResponseReaderTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GeminiResponseReader reader = new GeminiResponseReader(new ObjectMapper(), new AgentMetrics(meters));

    @Test
    void theTokensOfAnAnswerAreCountedThoughtsIncluded() {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"{}"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":87,"totalTokenCount":255,"thoughtsTokenCount":156}}""";

        reader.read(200, body);

        assertThat(meters.get("aisales.gemini.tokens").tag("type", "prompt").counter().count()).isEqualTo(12);
        assertThat(meters.get("aisales.gemini.tokens").tag("type", "output").counter().count()).isEqualTo(87);
        assertThat(meters.get("aisales.gemini.tokens").tag("type", "thoughts").counter().count()).isEqualTo(156);
    }
}
