package kz.aisales.gateway.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reply, follow-up or notice from the agent ({@code outgoing_messages}, contracts/queues.md), or an operator's
 * test message ({@code POST /test/send-message}). {@code quote} false sends it plainly although it answers a message.
 * {@code consent} is {@code opted_out} on the confirmation of an
 * opt-out, {@code opted_in} on the reply to a customer who asked to continue, absent otherwise ({@link OptOuts});
 * written as JSON, an absent field is left out, as the schema wants.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutgoingMessage(
        @JsonProperty("outbox_id") String outboxId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("message_text") String messageText,
        @JsonProperty("reply_to_message_id") String replyToMessageId,
        @JsonProperty("mark_as_read") boolean markAsRead,
        @JsonProperty("kind") String kind,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("consent") String consent,
        @JsonProperty("quote") Boolean quote) {

    public OutgoingMessage(String outboxId, String phoneNumber, String messageText, String replyToMessageId, boolean markAsRead,
            String kind, String createdAt, String consent) {
        this(outboxId, phoneNumber, messageText, replyToMessageId, markAsRead, kind, createdAt, consent, null);
    }

    /** The same message dated {@code createdAt}. */
    public OutgoingMessage createdAt(String createdAt) {
        return new OutgoingMessage(outboxId, phoneNumber, messageText, replyToMessageId, markAsRead, kind, createdAt, consent, quote);
    }

    /** It answers a customer message ({@code reply_to_message_id}): the one marked read after sending. */
    public boolean reply() {
        return replyToMessageId != null && !replyToMessageId.isBlank();
    }

    /**
     * Sent as a WhatsApp quote of the message it answers ({@code message/reply}): unless {@code quote} is false, as the
     * agent sets it when the answered message is the newest in the chat (absent, from the original system, quotes).
     */
    public boolean quoted() {
        return reply() && !Boolean.FALSE.equals(quote);
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
