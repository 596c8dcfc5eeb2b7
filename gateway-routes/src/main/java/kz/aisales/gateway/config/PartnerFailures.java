package kz.aisales.gateway.config;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;

import kz.aisales.gateway.voice.GeminiException;
import kz.aisales.gateway.wappi.WappiException;

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
                return gemini.transientFailure();
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
