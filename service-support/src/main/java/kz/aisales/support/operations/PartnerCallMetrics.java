package kz.aisales.support.operations;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Meters every call that leaves the service, from Camel's own {@code ExchangeSentEvent}s (the routes stay
 * free of metering code):
 * <ul>
 * <li>{@code aisales_wappi_calls_seconds{endpoint="message/send", status="200"}}: Wappi calls by endpoint
 * and HTTP status ({@code error} when no answer came), with latency</li>
 * <li>{@code aisales_gemini_calls_seconds{outcome=ok|rate_limited|client_error|server_error|error}}</li>
 * <li>{@code aisales_messages_published_total{queue}}: messages the broker confirmed</li>
 * <li>{@code aisales_messages_dead_lettered_total{queue}}: messages parked on {@code <queue>.dlq}</li>
 * </ul>
 */
public class PartnerCallMetrics extends EventNotifierSupport {

    private static final String WAPPI_API = "/api/sync/";

    private final MeterRegistry registry;
    private final String deadLetterSuffix;

    /** {@code deadLetterSuffix}: what ends the name of a dead-letter queue ({@code queues.dead-letter-suffix}). */
    public PartnerCallMetrics(MeterRegistry registry, String deadLetterSuffix) {
        this.registry = registry;
        this.deadLetterSuffix = deadLetterSuffix;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        ExchangeSentEvent sent = (ExchangeSentEvent) event;
        String uri = sent.getEndpoint().getEndpointUri();
        Exchange exchange = sent.getExchange();
        if (uri.startsWith("spring-rabbitmq:")) {
            published(uri, exchange);
        } else if (uri.startsWith("http")) {
            http(uri, exchange, sent.getTimeTaken());
        }
    }

    private void published(String uri, Exchange exchange) {
        if (exchange.isFailed()) {
            return;
        }
        String queue = queryParameter(uri, "routingKey");
        if (queue == null) {
            return;
        }
        if (queue.endsWith(deadLetterSuffix)) {
            Counter.builder("aisales.messages.dead.lettered").description("Messages parked on a dead-letter queue")
                    .tag("queue", queue.substring(0, queue.length() - deadLetterSuffix.length()))
                    .register(registry).increment();
        } else {
            Counter.builder("aisales.messages.published").description("Messages published to a queue and confirmed")
                    .tag("queue", queue).register(registry).increment();
        }
    }

    private void http(String uri, Exchange exchange, long millis) {
        Integer status = status(exchange);
        if (uri.contains(":generateContent")) {
            Timer.builder("aisales.gemini.calls").description("Gemini generateContent calls by outcome")
                    .tag("outcome", geminiOutcome(status)).register(registry).record(millis, TimeUnit.MILLISECONDS);
            return;
        }
        String path = URI.create(uri.replace("{", "%7B").replace("}", "%7D")).getPath();
        String endpoint = path != null && path.contains(WAPPI_API)
                ? path.substring(path.indexOf(WAPPI_API) + WAPPI_API.length()) : "media/link";
        Timer.builder("aisales.wappi.calls").description("Wappi calls by endpoint and HTTP status")
                .tag("endpoint", endpoint).tag("status", status == null ? "error" : status.toString())
                .register(registry).record(millis, TimeUnit.MILLISECONDS);
    }

    static String geminiOutcome(Integer status) {
        if (status == null) {
            return "error";
        }
        if (status >= 200 && status < 300) {
            return "ok";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return status >= 500 ? "server_error" : "client_error";
    }

    private static Integer status(Exchange exchange) {
        if (exchange.getException() instanceof HttpOperationFailedException failed) {
            return failed.getStatusCode();
        }
        if (exchange.getException() != null) {
            return null;
        }
        return exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private static String queryParameter(String uri, String name) {
        String query = StringHelper.after(uri, "?");
        if (query == null) {
            return null;
        }
        try {
            Map<String, Object> parameters = URISupport.parseQuery(query);
            Object value = parameters.get(name);
            return value == null ? null : value.toString();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
