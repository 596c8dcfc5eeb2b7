package kz.aisales.gateway.messagelog;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A stored row of {@code message_logs} as {@code GET /logs/messages} shows it, with the column names. */
public record LoggedMessage(
        @JsonProperty("id") long id,
        @JsonProperty("message_id") String messageId,
        @JsonProperty("chat_id") String chatId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("direction") String direction,
        @JsonProperty("message_type") String messageType,
        @JsonProperty("message_text") String messageText,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason,
        @JsonProperty("correlation_id") String correlationId,
        @JsonProperty("created_at") String createdAt) {
}
