package kz.aisales.gateway.polling;

/**
 * Where polling stopped in one chat: the chat's last message id as the chat list last showed it, and
 * the newest message time already handled (unix seconds).
 */
public record ChatCursor(String chatId, String lastMessageId, long lastTime) {
}
