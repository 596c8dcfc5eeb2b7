package kz.aisales.gateway.sending;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON bodies of Wappi's send, reply, mark-read and typing calls. */
public final class SendPayloads {

    private SendPayloads() {
    }

    public record Send(@JsonProperty("body") String body, @JsonProperty("recipient") String recipient) {
    }

    public record Reply(@JsonProperty("body") String body, @JsonProperty("message_id") String messageId) {
    }

    public record MarkRead(@JsonProperty("message_id") String messageId) {
    }

    public record Typing(@JsonProperty("recipient") String recipient) {
    }
}
