package kz.aisales.agent.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.operations.AgentMetrics;
import kz.aisales.support.gemini.GeminiAnswer;
import kz.aisales.support.gemini.GeminiAnswers;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code generateContent} answer with the core both services share ({@link GeminiAnswers}: its text, or the
 * exception that says what to do about the failure) and counts the tokens it cost, thoughts included.
 */
@Component
public class GeminiResponseReader {

    private final ObjectMapper json;
    private final AgentMetrics metrics;

    public GeminiResponseReader(ObjectMapper json, AgentMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public String read(@Header(Exchange.HTTP_RESPONSE_CODE) int status, String body) {
        GeminiAnswer answer = GeminiAnswers.read(json, status, body);
        metrics.tokens(answer.promptTokens(), answer.outputTokens(), answer.thoughtsTokens());
        return answer.text();
    }
}
