package kz.aisales.agent.conversation;

/** The file a customer message carried (an image or a document), as the model is shown it. */
public record Attachment(String messageId, String mimeType, String fileName, byte[] data) {
}
