package kz.aisales.agent.gemini;

import java.time.Duration;

import kz.aisales.agent.config.GeminiProperties;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Chooses the wait before the next Gemini attempt: Gemini's own {@code RetryInfo.retryDelay} for a 429
 * (at most the configured maximum), the configured exponential backoff otherwise.
 */
@Component
public class GeminiCallSupport {

    private final GeminiProperties gemini;

    public GeminiCallSupport(GeminiProperties gemini) {
        this.gemini = gemini;
    }

    public void chooseRetryDelay(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Duration asked = failure instanceof GeminiRetryableException retryable ? retryable.retryDelay() : null;
        if (asked == null) {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        } else {
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(asked.toMillis(), gemini.maxRetryDelayMs()));
        }
    }
}
