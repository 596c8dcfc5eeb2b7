package kz.aisales.agent.conversation;

import java.time.OffsetDateTime;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer message from {@code incoming_messages} (contracts/queues.md); unknown fields are ignored.
 * {@code event} {@code operator_message} marks a message a person at the business typed to the customer. {@code media}
 * is the file of an image or a document (base64 {@code data}, or the {@code url} the gateway kept it at),
 * {@code media_status} the gateway's word on it.
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
        @JsonProperty("event") String event,
        @JsonProperty("media") Media media,
        @JsonProperty("media_status") String mediaStatus) {

    public static final String OPERATOR_MESSAGE = "operator_message";

    public boolean operatorMessage() {
        return OPERATOR_MESSAGE.equals(event);
    }

    /** An attached file as the gateway sends it: {@code data} is base64, {@code size_bytes} its decoded length. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(
            @JsonProperty("mime_type") String mimeType,
            @JsonProperty("data") String data,
            @JsonProperty("size_bytes") Integer sizeBytes,
            @JsonProperty("file_name") String fileName,
            @JsonProperty("url") String url) {

        /** The file's bytes; an IllegalArgumentException when {@code data} is not base64. */
        public byte[] bytes() {
            return Base64.getDecoder().decode(data == null ? "" : data);
        }
    }

    public static final String MEDIA_INVALID = "invalid";
    public static final String MEDIA_FAILED = "failed";

    /** The message with this file (fetched from where the gateway kept it). */
    public IncomingMessage withMedia(Media file) {
        return new IncomingMessage(messageId, chatId, phoneNumber, senderName, messageText, messageType, voice,
                transcriptionStatus, timestamp, contactInfo, event, file, mediaStatus);
    }

    /** The message without its file, {@code status} saying why (the text, a placeholder, still goes on). */
    public IncomingMessage withoutMedia(String status) {
        return new IncomingMessage(messageId, chatId, phoneNumber, senderName, messageText, messageType, voice,
                transcriptionStatus, timestamp, contactInfo, event, null, status);
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
