package kz.aisales.gateway.queues;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer message as published on {@code incoming_messages} and {@code voice_transcription}
 * (contracts/queues.md). {@code voice_url} appears only on the voice queue. {@code event} is absent for a
 * customer's message and {@code operator_message} for a message a person at the business typed to the customer
 * on the phone (the agent pauses itself for that contact and never answers it). {@code media} carries an image's or a
 * document's file (base64) to the agent, or, over the inline limit, the {@code url} the agent fetches it from
 * ({@code stored}); {@code media_status} says whether it was attached ({@code attached}, {@code stored}) or why
 * not ({@code too_large}, {@code unsupported}, {@code failed}); both are absent for other messages.
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
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("contact_info") Map<String, Object> contactInfo,
        @JsonProperty("voice_url") @JsonInclude(JsonInclude.Include.NON_NULL) String voiceUrl,
        @JsonProperty("event") @JsonInclude(JsonInclude.Include.NON_NULL) String event,
        @JsonProperty("media") @JsonInclude(JsonInclude.Include.NON_NULL) Attachment media,
        @JsonProperty("media_status") @JsonInclude(JsonInclude.Include.NON_NULL) String mediaStatus) {

    public static final String OPERATOR_MESSAGE = "operator_message";

    public static final String TRANSCRIPTION_OK = "ok";
    public static final String TRANSCRIPTION_FAILED = "failed";

    public static final String MEDIA_ATTACHED = "attached";
    public static final String MEDIA_STORED = "stored";
    public static final String MEDIA_TOO_LARGE = "too_large";
    public static final String MEDIA_UNSUPPORTED = "unsupported";
    public static final String MEDIA_FAILED = "failed";

    /** An image's or a document's file as the agent hands it to the model. */
    public record Attachment(
            @JsonProperty("mime_type") String mimeType,
            @JsonProperty("data") @JsonInclude(JsonInclude.Include.NON_NULL) String data,
            @JsonProperty("size_bytes") int sizeBytes,
            @JsonProperty("file_name") @JsonInclude(JsonInclude.Include.NON_NULL) String fileName,
            @JsonProperty("url") @JsonInclude(JsonInclude.Include.NON_NULL) String url) {
    }

    /** The transcribed (or, when {@code text} is empty and status failed, untranscribed) voice note. */
    public IncomingMessage transcribed(String text, String status) {
        return new IncomingMessage(messageId, chatId, phoneNumber, senderName, text, messageType, true, status,
                timestamp, contactInfo, null, event, null, null);
    }

    /** The image or document with its file attached, or, when {@code attachment} is null, without it for {@code status}. */
    public IncomingMessage withMedia(Attachment attachment, String status) {
        return new IncomingMessage(messageId, chatId, phoneNumber, senderName, messageText, messageType, false, null,
                timestamp, contactInfo, null, event, attachment, status);
    }
}
