package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer message from {@code incoming_messages} (contracts/queues.md); unknown fields are ignored.
 * {@code event} {@code operator_message} marks a message a person at the business typed to the customer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingMessage(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("chat_id") String chatId,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("sender_name") String senderName,
        @JsonProperty("message_text") String messageText,
        @JsonProperty("message_type") String messageType,
        @JsonProperty("is_voice") boolean voice,
        @JsonProperty("transcription_status") String transcriptionStatus,
        @JsonProperty("timestamp") OffsetDateTime timestamp,
        @JsonProperty("contact_info") ContactInfo contactInfo,
        @JsonProperty("event") String event) {

    public static final String OPERATOR_MESSAGE = "operator_message";

    public boolean operatorMessage() {
        return OPERATOR_MESSAGE.equals(event);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactInfo(
            @JsonProperty("FirstName") String firstName,
            @JsonProperty("FullName") String fullName,
            @JsonProperty("PushName") String pushName,
            @JsonProperty("BusinessName") String businessName) {
    }

    public ContactInfo contact() {
        return contactInfo != null ? contactInfo : new ContactInfo(null, senderName, null, null);
    }
}
