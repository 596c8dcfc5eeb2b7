package kz.aisales.gateway.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import kz.aisales.gateway.wappi.WappiException;
import kz.aisales.support.gemini.GeminiException;
import kz.aisales.support.gemini.GeminiRetryableException;

import kz.aisales.support.operations.Outages;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Which failures of a call to Wappi or Gemini are worth another try. */
public final class PartnerFailures {

    private PartnerFailures() {
    }

    /** 5xx, 429 (unless a daily quota), timeouts and broken connections; never a 4xx or a malformed answer. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WappiException wappi) {
                return wappi.transientFailure();
            }
            if (cause instanceof GeminiException gemini) {
                return gemini instanceof GeminiRetryableException;
            }
            if (cause instanceof HttpOperationFailedException http) {
                return http.getStatusCode() >= 500 || http.getStatusCode() == 429;
            }
            if (cause instanceof IOException && !(cause instanceof JsonProcessingException)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failed step is tried again: through an outage of our own database or broker always (it ends, and the
     * message is not at fault), a partner's transient failure up to {@code maxRetries} times.
     */
    public static boolean retry(Exchange exchange, int maxRetries) {
        if (Outages.isOutage(exchange.getException())) {
            return true;
        }
        // the counter already includes the attempt about to be made
        int redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        return redelivery <= maxRetries && isTransient(exchange.getException());
    }

    /** A readable reason: the exception class and message (Wappi's and Gemini's carry status and body). */
    public static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable shown = failure;
        while (shown.getCause() != null && shown.getCause() != shown
                && shown.getClass().getName().startsWith("org.apache.camel")) {
            shown = shown.getCause();
        }
        return shown.getClass().getSimpleName() + ": " + shown.getMessage();
    }
}
