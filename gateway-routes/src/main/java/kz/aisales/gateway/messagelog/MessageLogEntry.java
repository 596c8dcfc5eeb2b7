package kz.aisales.gateway.messagelog;

/** One row of {@code message_logs}: a message the gateway saw or sent, what it decided, and why. */
public record MessageLogEntry(
        String messageId,
        String chatId,
        String phoneNumber,
        String direction,
        String messageType,
        String messageText,
        String status,
        String reason,
        String correlationId) {

    public static final String INCOMING = "incoming";
    public static final String OUTGOING = "outgoing";
}
