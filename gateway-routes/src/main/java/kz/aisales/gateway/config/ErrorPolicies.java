package kz.aisales.gateway.config;

import kz.aisales.gateway.sending.SendFailures;
import kz.aisales.gateway.voice.TranscriptionFailures;
import kz.aisales.gateway.webhook.InvalidWebhookException;
import kz.aisales.gateway.webhook.WebhookAnswers;

import kz.aisales.support.gemini.GeminiAnswers;
import kz.aisales.support.operations.Outages;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error policies routes opt into with {@code routeConfigurationId(...)}.
 * <ul>
 * <li>{@code propagate-errors}: adapter and step routes called with {@code direct:}; a failure goes back
 * to the caller, whose policy decides (and a retry re-runs the whole call).</li>
 * <li>{@code webhook-errors}: the Wappi webhook answers 400 for a body that is not a message and 500 when a message
 * could not be published (Wappi may retry; the reconciliation poll reads it anyway), never a stack trace.</li>
 * <li>{@code poll-errors}: timers (the poll, the retention prune): a failed tick is logged in one line; the next
 * poll starts again from the stored cursors, so nothing is lost, and the next prune deletes what this one did not.</li>
 * <li>{@code send-errors}: Wappi 5xx, 429 and timeouts are retried with bounded exponential backoff,
 * then the original message goes to the outgoing dead-letter queue with the reason; a database or broker outage
 * ({@link Outages}) is retried until it ends; anything else goes there at once.</li>
 * <li>{@code voice-errors}: download and Gemini failures are retried (bounded; after a Gemini 429 as long as its
 * {@code retryDelay} asks, at most {@code TRANSCRIPTION_MAX_RETRY_DELAY_MS}), then the message reaches
 * the agent marked {@code transcription_status=failed}; a database or broker outage is retried until it ends; a
 * message that cannot be read at all is dead-lettered.</li>
 * </ul>
 * Each RabbitMQ consumer runs with the listener's own retry off ({@code maximumRetryAttempts=0}), so
 * Camel redelivery is the only retry layer.
 */
@Component
public class ErrorPolicies extends RouteConfigurationBuilder {

    private final DeadLetterHeaders deadLetterHeaders;
    private final SendFailures sendFailures;
    private final TranscriptionFailures transcriptionFailures;
    private final VoiceProperties voice;

    public ErrorPolicies(DeadLetterHeaders deadLetterHeaders, SendFailures sendFailures,
            TranscriptionFailures transcriptionFailures, VoiceProperties voice) {
        this.deadLetterHeaders = deadLetterHeaders;
        this.sendFailures = sendFailures;
        this.transcriptionFailures = transcriptionFailures;
        this.voice = voice;
    }

    @Override
    public void configuration() {
        routeConfiguration("propagate-errors").errorHandler(noErrorHandler());

        routeConfiguration("webhook-errors")
                .onException(InvalidWebhookException.class).handled(true)
                    .bean(WebhookAnswers.class, "badRequest").marshal().json()
                .end()
                .onException(Exception.class).handled(true)
                    .bean(WebhookAnswers.class, "failed").marshal().json()
                .end();

        routeConfiguration("poll-errors").errorHandler(defaultErrorHandler()
                .logStackTrace(false).logExhaustedMessageHistory(false).logRetryAttempted(false));

        routeConfiguration("send-errors")
                .errorHandler(deadLetterChannel(
                        "spring-rabbitmq:default?routingKey={{queues.outgoing}}{{queues.dead-letter-suffix}}&confirm=enabled")
                        .deadLetterHandleNewException(false)
                        .useOriginalMessage()
                        .logExhaustedMessageHistory(false)
                        .onPrepareFailure(exchange -> {
                            sendFailures.process(exchange);
                            deadLetterHeaders.process(exchange);
                        }))
                .onException(Exception.class)
                    .onWhen(exchange -> PartnerFailures.isTransient(exchange.getException())
                            || Outages.isOutage(exchange.getException()))
                    .retryWhile(sendFailures::retry)
                    .redeliveryDelay("{{sending.retry-delay-ms}}")
                    .useExponentialBackOff().backOffMultiplier(2)
                    .maximumRedeliveryDelay("{{sending.max-retry-delay-ms}}")
                    .retryAttemptedLogLevel(LoggingLevel.WARN);

        routeConfiguration("voice-errors")
                .errorHandler(deadLetterChannel(
                        "spring-rabbitmq:default?routingKey={{queues.voice}}{{queues.dead-letter-suffix}}&confirm=enabled")
                        .deadLetterHandleNewException(false)
                        .useOriginalMessage()
                        .logExhaustedMessageHistory(false)
                        .onPrepareFailure(deadLetterHeaders))
                .onException(Exception.class)
                    .onWhen(exchangeProperty(TranscriptionFailures.VOICE_MESSAGE).isNotNull())
                    .retryWhile(transcriptionFailures::retry)
                    .redeliveryDelay("{{voice.retry-delay-ms}}")
                    .useExponentialBackOff().backOffMultiplier(2)
                    .onExceptionOccurred(exchange -> GeminiAnswers.chooseRetryDelay(exchange, voice.maxRetryDelayMs()))
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logExhausted(false)
                    .handled(true)
                    .bean(transcriptionFailures, "untranscribed")
                    .to("direct:publish-incoming");
    }
}
