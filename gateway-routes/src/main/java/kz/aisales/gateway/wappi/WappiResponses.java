package kz.aisales.gateway.wappi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.WappiProperties;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Accepts a Wappi answer only when it is 2xx JSON with {@code "status": "done"}. A 429 first waits what its
 * {@code Retry-After} asks (seconds or an HTTP date, at most {@code WAPPI_MAX_RETRY_AFTER_SECONDS}), then fails, so
 * whichever retry follows (the send policy's, the next poll) comes no sooner than Wappi asked, on every call.
 */
@Component
public class WappiResponses {

    /** Header naming the operation, for the failure reason. */
    public static final String OPERATION = "wappi_operation";
    static final String RETRY_AFTER = "Retry-After";

    private static final Logger LOG = LoggerFactory.getLogger(WappiResponses.class);

    private final ObjectMapper json;
    private final WappiProperties wappi;

    public WappiResponses(ObjectMapper json, WappiProperties wappi) {
        this.json = json;
        this.wappi = wappi;
    }

    public JsonNode check(Exchange exchange) throws InterruptedException {
        Message message = exchange.getMessage();
        String operation = message.getHeader(OPERATION, "call", String.class);
        message.removeHeader(OPERATION);
        String retryAfter = message.getHeader(RETRY_AFTER, String.class);
        message.removeHeader(RETRY_AFTER);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        if (status == 429) {
            long seconds = retryAfterSeconds(retryAfter, Instant.now());
            if (seconds >= 0) {
                long wait = Math.min(seconds, wappi.maxRetryAfterSeconds());
                LOG.warn("Wappi {} answered 429 with Retry-After {} s: waiting {} s before any retry", operation, seconds,
                        wait);
                Thread.sleep(Duration.ofSeconds(wait).toMillis());
            }
            throw new WappiException(operation, status, body, seconds);
        }
        if (status < 200 || status > 299) {
            throw new WappiException(operation, status, body);
        }
        JsonNode answer;
        try {
            answer = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new WappiException(operation, status, "not JSON: " + body);
        }
        if (answer == null || !"done".equals(answer.path("status").asText())) {
            throw new WappiException(operation, status, body);
        }
        return answer;
    }

    /** {@code Retry-After} as seconds from now: delta-seconds or an HTTP date; -1 when absent or unreadable. */
    static long retryAfterSeconds(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String trimmed = value.trim();
        try {
            return Math.max(0, (long) Math.ceil(Double.parseDouble(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, at).toSeconds());
            } catch (DateTimeParseException notADate) {
                return -1;
            }
        }
    }
}
