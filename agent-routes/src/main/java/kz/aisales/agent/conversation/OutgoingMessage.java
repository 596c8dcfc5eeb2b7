package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message for {@code outgoing_messages} (contracts/queues.md); {@code consent} ({@code opted_out} /
 * {@code opted_in}) only on the messages that change whether the customer may be messaged; {@code quote} false sends a
 * reply plainly although it answers {@code reply_to_message_id}.
 */
public record OutgoingMessage(
        @JsonProperty("outbox_id") String outboxId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("message_text") String messageText,
        @JsonProperty("reply_to_message_id") String replyToMessageId,
        @JsonProperty("mark_as_read") boolean markAsRead,
        @JsonProperty("kind") OutgoingKind kind,
        @JsonProperty("created_at") OffsetDateTime createdAt,
        @JsonProperty("consent") @JsonInclude(JsonInclude.Include.NON_NULL) String consent,
        @JsonProperty("quote") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean quote) {

    /** A message that answers no customer message (a notice, an operator's): nothing to quote. */
    public OutgoingMessage(String outboxId, String phoneNumber, String messageText, String replyToMessageId, boolean markAsRead,
            OutgoingKind kind, OffsetDateTime createdAt, String consent) {
        this(outboxId, phoneNumber, messageText, replyToMessageId, markAsRead, kind, createdAt, consent, null);
    }
}
