package kz.aisales.gateway.queues;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A customer message as published on {@code incoming_messages} and {@code voice_transcription}
 * (contracts/queues.md). {@code voice_url} appears only on the voice queue. {@code event} is absent for a
 * customer's message and {@code operator_message} for a message a person at the business typed to the customer
 * on the phone (the agent pauses itself for that contact and never answers it).
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
        @JsonProperty("event") @JsonInclude(JsonInclude.Include.NON_NULL) String event) {

    public static final String OPERATOR_MESSAGE = "operator_message";

    public static final String TRANSCRIPTION_OK = "ok";
    public static final String TRANSCRIPTION_FAILED = "failed";

    /** The transcribed (or, when {@code text} is empty and status failed, untranscribed) voice note. */
    public IncomingMessage transcribed(String text, String status) {
        return new IncomingMessage(messageId, chatId, phoneNumber, senderName, text, messageType, true, status,
                timestamp, contactInfo, null, event);
    }
}
