package kz.aisales.gateway.webhook;

import java.util.Map;

import kz.aisales.gateway.config.PartnerFailures;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webhook's answers other than 200: 401 (not Wappi), 400 (a body that is not a message: logged, nothing to keep)
 * and 500 (a message that could not be published yet: Wappi may retry, and the reconciliation poll reads it anyway).
 */
@Component
public class WebhookAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAnswers.class);

    private final WebhookAuth auth;

    public WebhookAnswers(WebhookAuth auth) {
        this.auth = auth;
    }

    public Map<String, Object> unauthorized(Exchange exchange) {
        LOG.warn("Wappi webhook call refused (401): {}", auth.refusal());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        return Map.of("error", auth.refusal());
    }

    public Map<String, Object> badRequest(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "bad request" : failure.getMessage();
        LOG.warn("Wappi webhook body refused (400): {}", reason);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
        return Map.of("error", reason);
    }

    public Map<String, Object> failed(Exchange exchange) {
        String reason = PartnerFailures.reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        LOG.error("Wappi webhook not processed (500, Wappi may retry; the reconciliation poll reads it too): {}", reason);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 500);
        return Map.of("error", "not processed: " + reason);
    }
}
