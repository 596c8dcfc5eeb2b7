package kz.aisales.gateway.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import kz.aisales.gateway.sending.OutgoingMessage;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * {@code POST /test/send-message}: an operator's message to a number of their choice, queued as a {@code notice} on
 * the outgoing queue rather than sent here, so it meets the same throttle, opt-out refusal and once-per-outbox-id as
 * every other send.
 */
@Component
public class TestSends {

    static final String OUTBOX_ID = "testOutboxId";
    static final int MAX_TEXT = 4096;

    /** Why the request cannot be queued, as the 400 answer's body; null when it can. */
    public Map<String, String> refusal(TestSendRequest request) {
        if (request == null || !PhoneNumbers.plausible(PhoneNumbers.normalize(request.phoneNumber()))) {
            return Map.of("error", "phone_number must have 10 to 15 digits, e.g. \"+7 701 555 1234\"");
        }
        String text = request.message();
        if (text == null || text.isBlank()) {
            return Map.of("error", "message (or message_text) must not be empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            return Map.of("error", "message must have at most " + MAX_TEXT + " characters");
        }
        return null;
    }

    /** The 400 answer's body for a body that is not a JSON object. */
    public Map<String, String> unreadable() {
        return Map.of("error", "the body must be a JSON object: {\"phone_number\": \"...\", \"message\": \"...\"}");
    }

    public OutgoingMessage notice(TestSendRequest request) {
        return new OutgoingMessage("test-" + UUID.randomUUID(), PhoneNumbers.normalize(request.phoneNumber()),
                request.message(), null, false, "notice", Instant.now().toString(), null);
    }

    public Map<String, Object> queued(@ExchangeProperty(OUTBOX_ID) String outboxId) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("queued", true);
        answer.put("outbox_id", outboxId);
        return answer;
    }
}
