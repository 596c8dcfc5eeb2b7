package kz.aisales.gateway.polling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.PollingProperties;
import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.wappi.WappiClient;

import org.springframework.stereotype.Component;

/**
 * Finds new messages cheaply. One chat-list call per poll; a chat is read only when its last message
 * id (or time, or unread count when Wappi gives no id) differs from its stored cursor. A changed chat is
 * read newest first, page by page, down to its cursor, so several messages between two polls and chats
 * longer than one page are all found. Everything found is returned oldest first.
 */
@Component
public class ChatActivityScanner {

    private final WappiClient wappi;
    private final WappiProperties wappiProperties;
    private final PollingProperties polling;
    private final PollState state;
    private final IncomingMessageFilter filter;

    public ChatActivityScanner(WappiClient wappi, WappiProperties wappiProperties, PollingProperties polling,
            PollState state, IncomingMessageFilter filter) {
        this.wappi = wappi;
        this.wappiProperties = wappiProperties;
        this.polling = polling;
        this.state = state;
        this.filter = filter;
    }

    /** Polling needs a token and a profile; without them the gateway stays idle. */
    public boolean enabled() {
        return wappiProperties.configured();
    }

    public PollBatch scan() {
        long since = state.since(Instant.now().getEpochSecond() - polling.initialLookbackMinutes() * 60L);
        Map<String, ChatCursor> cursors = state.cursors();
        List<PolledMessage> messages = new ArrayList<>();
        List<ChatCursor> advanced = new ArrayList<>();
        List<ChatCursor> groups = new ArrayList<>();
        for (JsonNode dialog : changedDialogs(cursors, since)) {
            String chatId = dialog.path("id").asText();
            ChatCursor cursor = cursors.getOrDefault(chatId, new ChatCursor(chatId, null, since));
            if (filter.isGroupChat(chatId, dialog.path("isGroup").asBoolean(false))) {
                ChatCursor skipped = new ChatCursor(chatId, text(dialog, "last_message_id"),
                        Math.max(cursor.lastTime(), dialog.path("last_time").asLong(0)));
                groups.add(skipped);
                advanced.add(skipped);
                continue;
            }
            List<PolledMessage> found = newMessages(chatId, dialog.path("contact"), cursor);
            Collections.reverse(found);
            long newest = found.stream().mapToLong(PolledMessage::time).max().orElse(cursor.lastTime());
            advanced.add(new ChatCursor(chatId, text(dialog, "last_message_id"),
                    Math.max(newest, Math.max(cursor.lastTime(), dialog.path("last_time").asLong(0)))));
            messages.addAll(found);
        }
        messages.sort(Comparator.comparingLong(PolledMessage::time));
        return new PollBatch(messages, advanced, groups);
    }

    public void commit(PollBatch batch) {
        state.save(batch.cursors());
        state.pollSucceeded();
    }

    private List<JsonNode> changedDialogs(Map<String, ChatCursor> cursors, long since) {
        int limit = wappiProperties.chatsPageSize();
        List<JsonNode> changed = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            JsonNode dialogs = wappi.chats(limit, offset).path("dialogs");
            boolean wholePageChanged = true;
            for (JsonNode dialog : dialogs) {
                if (changed(dialog, cursors.get(dialog.path("id").asText()), since)) {
                    changed.add(dialog);
                } else {
                    wholePageChanged = false;
                }
            }
            // the list is ordered by activity: a further page is needed only when every chat on this one changed
            if (!wholePageChanged || dialogs.size() < limit) {
                return changed;
            }
        }
    }

    private static boolean changed(JsonNode dialog, ChatCursor cursor, long since) {
        String lastId = text(dialog, "last_message_id");
        long lastTime = dialog.path("last_time").asLong(0);
        if (cursor == null) {
            return lastTime == 0 || lastTime >= since;
        }
        if (lastId != null) {
            return !lastId.equals(cursor.lastMessageId());
        }
        if (lastTime > 0) {
            return lastTime > cursor.lastTime();
        }
        return dialog.path("unread_count").asInt(0) > 0;
    }

    private List<PolledMessage> newMessages(String chatId, JsonNode contact, ChatCursor cursor) {
        int limit = wappiProperties.messagesPageSize();
        List<PolledMessage> found = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            JsonNode page = wappi.messages(chatId, limit, offset);
            JsonNode messages = page.path("messages");
            for (JsonNode message : messages) {
                String id = message.path("id").asText();
                if (id.equals(cursor.lastMessageId()) || message.path("time").asLong() < cursor.lastTime()) {
                    return found;
                }
                found.add(new PolledMessage(message, contact));
            }
            int total = page.path("total_count").asInt(Integer.MAX_VALUE);
            if (messages.size() < limit || offset + limit >= total) {
                return found;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
