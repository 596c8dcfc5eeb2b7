package kz.aisales.agent.config;

import java.io.IOException;

import kz.aisales.agent.conversation.ContactBusyException;
import kz.aisales.agent.conversation.ContactPacedException;
import kz.aisales.agent.conversation.InvalidIncomingMessageException;
import kz.aisales.agent.conversation.ReplyPace;
import kz.aisales.support.gemini.GeminiAnswers;
import kz.aisales.support.gemini.GeminiException;
import kz.aisales.support.gemini.GeminiRetryableException;

import kz.aisales.support.operations.Outages;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The error policies every route opts into with {@code routeConfigurationId(...)}, one retry layer each (the RabbitMQ
 * listener's own retry is off, {@code maximumRetryAttempts=0}):
 * <ul>
 * <li>{@code dead-letter}: the consumers ({@code incoming-consume}, {@code conversation-turn}): bounded exponential
 * redelivery ({@code AGENT_MAX_RETRIES}, {@code AGENT_RETRY_DELAY_MS}, {@code AGENT_MAX_RETRY_DELAY_MS}), then the
 * original message to the dead-letter queue; a malformed message goes there at once; a database or broker outage
 * ({@link Outages}) is retried until it ends, and a contact busy with another turn is waited for however long that
 * turn runs; a contact answered less than {@code MIN_REPLY_INTERVAL} ago waits for its pace ({@code ReplyPace}).
 * Dead letters are for messages that fail on their own.</li>
 * <li>{@code propagate-errors}: every {@code direct:} step; a failure goes back to the consumer whose policy decides
 * (a step with an error handler of its own would mark the failure exhausted, and the consumer would never retry
 * it).</li>
 * <li>{@code gemini-retry}: 5xx, timeouts and per-minute quotas are retried with backoff (a 429 waits
 * the delay Gemini asks for); anything else goes back to the caller at once.</li>
 * <li>{@code tick-errors}: timers (follow-up tick, lock heartbeat, knowledge prune, media prune): a failed tick is logged in one
 * line and the next tick tries again.</li>
 * <li>{@code knowledge-skip}: a file that cannot be read is logged and skipped.</li>
 * <li>{@code api-errors}: the REST API's steps: a bad request is 400 with its reason, an {@link ApiProblem} its own
 * status, Gemini failing 502, anything else 500 with no detail (the log has it); nothing is retried, the caller decides.</li>
 * </ul>
 */
@Component
public class ErrorPolicies extends RouteConfigurationBuilder {

    private static final long BUSY_RETRY_MS = 250;
    private static final long BUSY_MAX_RETRY_MS = 2000;

    private final GeminiProperties gemini;
    private final RetryProperties retry;

    public ErrorPolicies(GeminiProperties gemini, RetryProperties retry) {
        this.gemini = gemini;
        this.retry = retry;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition deadLetter = routeConfiguration("dead-letter");
        // a failing publish to the dead-letter queue fails the exchange: the original is then not acknowledged
        deadLetter.errorHandler(deadLetterChannel("direct:dead-letter").deadLetterHandleNewException(false).useOriginalMessage()
                .maximumRedeliveries(retry.maxRetries()).redeliveryDelay(retry.delayMs()).useExponentialBackOff()
                .backOffMultiplier(2).maximumRedeliveryDelay(retry.maxDelayMs()).retryAttemptedLogLevel(LoggingLevel.WARN));
        deadLetter.onException(InvalidIncomingMessageException.class).maximumRedeliveries(0);
        // the lease is renewed while its turn runs and lapses when its owner dies: waiting for it always ends
        deadLetter.onException(ContactBusyException.class).maximumRedeliveries(-1)
                .redeliveryDelay(BUSY_RETRY_MS).useExponentialBackOff().backOffMultiplier(1.5)
                .maximumRedeliveryDelay(BUSY_MAX_RETRY_MS).retryAttemptedLogLevel(LoggingLevel.DEBUG);
        // the pace always lets the turn through after its interval; waiting holds neither a thread nor the lease
        deadLetter.onException(ContactPacedException.class).maximumRedeliveries(-1).asyncDelayedRedelivery()
                .onExceptionOccurred(ReplyPace::chooseDelay).retryAttemptedLogLevel(LoggingLevel.DEBUG);
        deadLetter.onException(Exception.class).onWhen(exchange -> Outages.isOutage(exchange.getException()))
                .maximumRedeliveries(-1).redeliveryDelay(retry.delayMs()).useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(retry.outageMaxDelayMs()).retryAttemptedLogLevel(LoggingLevel.WARN);

        routeConfiguration("propagate-errors").errorHandler(noErrorHandler());

        routeConfiguration("tick-errors").errorHandler(defaultErrorHandler()
                .logStackTrace(false).logExhaustedMessageHistory(false).logRetryAttempted(false));

        routeConfiguration("gemini-retry")
                .onException(GeminiRetryableException.class, IOException.class)
                .maximumRedeliveries(gemini.maxRetries())
                .redeliveryDelay(gemini.retryDelayMs()).useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(gemini.maxRetryDelayMs())
                .onExceptionOccurred(exchange -> GeminiAnswers.chooseRetryDelay(exchange, gemini.maxRetryDelayMs()))
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhaustedMessageHistory(false);

        RouteConfigurationDefinition api = routeConfiguration("api-errors");
        api.onException(IllegalArgumentException.class).handled(true).process(exchange -> ApiProblem.answer(exchange, 400));
        api.onException(ApiProblem.class).handled(true).process(exchange -> ApiProblem.answer(exchange, 0));
        api.onException(GeminiException.class).handled(true)
                .log(LoggingLevel.WARN, "${routeId}: Gemini did not answer: ${exception.message}")
                .process(exchange -> ApiProblem.answer(exchange, 502, "the model did not answer; try again in a minute"));
        api.onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "${routeId} failed: ${exception.stacktrace}")
                .process(exchange -> ApiProblem.answer(exchange, 500));

        routeConfiguration("knowledge-skip")
                .onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Knowledge file ${header.CamelFileName} skipped: ${exception.message}");
    }
}
