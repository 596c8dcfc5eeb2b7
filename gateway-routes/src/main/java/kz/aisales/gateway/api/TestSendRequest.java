package kz.aisales.gateway.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /test/send-message}; the text as {@code message} or, as on the queues, {@code message_text}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestSendRequest(
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("message") @JsonAlias("message_text") String message) {
}
