package kz.aisales.gateway.polling;

import java.util.List;

/**
 * The result of one look at Wappi: new messages of all changed chats, oldest first; the cursors to
 * store once they are all handled; and group chats that changed (skipped without reading them).
 */
public record PollBatch(List<PolledMessage> messages, List<ChatCursor> cursors, List<ChatCursor> groupChats) {
}
