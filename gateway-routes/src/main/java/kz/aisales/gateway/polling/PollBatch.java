package kz.aisales.gateway.polling;

import java.util.List;

/**
 * The result of one look at Wappi: new messages of all changed chats, oldest first; the cursors to
 * store once they are all handled; group chats that changed (skipped without reading them); and the chat list's
 * order as read (newest activity first), which the next poll compares against when dialogs carry no change markers.
 */
public record PollBatch(List<PolledMessage> messages, List<ChatCursor> cursors, List<ChatCursor> groupChats,
        List<String> chatOrder) {
}
