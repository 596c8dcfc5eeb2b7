package kz.aisales.gateway.config;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Prepares a dead letter (the original message, restored by {@code useOriginalMessage}): the reason,
 * the failing route and the time in headers, plus the correlation id it came with.
 */
@Component
public class DeadLetterHeaders implements Processor {

    public static final String REASON = "dead_letter_reason";
    public static final String ROUTE = "dead_letter_route";
    public static final String AT = "dead_letter_at";
    public static final String CORRELATION_ID = "correlation_id";

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String route = exchange.getProperty(Exchange.FAILURE_ROUTE_ID, String.class);
        Message message = exchange.getMessage();
        Object correlationId = message.getHeader(CORRELATION_ID);
        message.removeHeaders("*");
        if (correlationId != null) {
            message.setHeader(CORRELATION_ID, correlationId);
        }
        message.setHeader(REASON, PartnerFailures.reason(failure));
        message.setHeader(ROUTE, route != null ? route : exchange.getFromRouteId());
        message.setHeader(AT, OffsetDateTime.now(ZoneOffset.UTC).toString());
    }
}
