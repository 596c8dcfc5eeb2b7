package kz.aisales.gateway.api;

import java.util.Map;

import kz.aisales.gateway.messagelog.MessageLog;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** {@code GET /logs/messages}: the {@code limit} parameter (50 unless given, at most 500) around {@link MessageLog}. */
@Component
public class MessageLogRequests {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final MessageLog log;

    public MessageLogRequests(MessageLog log) {
        this.log = log;
    }

    public Object newest(@Header("limit") String limit, Exchange exchange) {
        Integer rows = parse(limit);
        if (rows == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return Map.of("error", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not \"" + limit + "\"");
        }
        return log.newest(rows);
    }

    private static Integer parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int rows = Integer.parseInt(limit.trim());
            return rows >= 1 && rows <= MAX_LIMIT ? rows : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
