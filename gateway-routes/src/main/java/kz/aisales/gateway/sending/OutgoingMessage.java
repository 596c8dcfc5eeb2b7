package kz.aisales.gateway.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reply, follow-up or notice from the agent ({@code outgoing_messages}, contracts/queues.md). {@code consent}
 * is {@code opted_out} on the confirmation of an opt-out, {@code opted_in} on the reply to a customer who asked to
 * continue, absent otherwise ({@link OptOuts}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutgoingMessage(
        @JsonProperty("outbox_id") String outboxId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("message_text") String messageText,
        @JsonProperty("reply_to_message_id") String replyToMessageId,
        @JsonProperty("mark_as_read") boolean markAsRead,
        @JsonProperty("kind") String kind,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("consent") String consent) {

    public boolean reply() {
        return replyToMessageId != null && !replyToMessageId.isBlank();
    }

    /**
     * The key a message is sent at most once for: its {@code outbox_id}, or, for a producer that sends
     * none, a digest of what it says, to whom, and when it was created.
     */
    public String idempotencyKey() {
        if (outboxId != null && !outboxId.isBlank()) {
            return outboxId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\n", phoneNumber, messageText, String.valueOf(replyToMessageId), String.valueOf(createdAt))
                            .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
