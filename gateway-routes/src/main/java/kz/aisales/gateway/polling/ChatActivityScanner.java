package kz.aisales.gateway.polling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.PollingProperties;
import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.wappi.WappiClient;

import org.springframework.stereotype.Component;

/**
 * Finds new messages cheaply, whether or not Wappi's dialogs carry change markers (the vendor documents none).
 * <ul>
 * <li>With markers ({@code last_message_id} or {@code last_time}): one chat-list call per idle poll; a chat is read only
 * when its marker differs from its stored cursor.</li>
 * <li>Without them (only {@code id} and {@code contact}): the list is ordered by activity, so the chats with new
 * messages are the top of it. Walking down from the top, a chat that moved up past a chat that was above it at the
 * last poll has news and is read; any other is read once (one cheap call) and, when it has nothing new, everything
 * below it has nothing new either, and the walk stops. An idle poll costs two calls: the list and the newest chat.</li>
 * </ul>
 * A changed chat is read newest first, page by page, down to its cursor, so several messages between two polls and
 * chats longer than one page are all found. Everything found is returned oldest first.
 */
@Component
public class ChatActivityScanner {

    private enum Change { CHANGED, UNCHANGED, UNKNOWN }

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

    public PollBatch scan() {
        long since = state.since(Instant.now().getEpochSecond() - polling.initialLookbackMinutes() * 60L);
        Map<String, ChatCursor> cursors = state.cursors();
        Map<String, Integer> previous = positions(state.chatOrder());
        List<PolledMessage> messages = new ArrayList<>();
        List<ChatCursor> advanced = new ArrayList<>();
        List<ChatCursor> groups = new ArrayList<>();
        List<String> order = new ArrayList<>();
        int limit = wappiProperties.chatsPageSize();
        for (int offset = 0; ; offset += limit) {
            List<JsonNode> dialogs = new ArrayList<>();
            wappi.chats(limit, offset).path("dialogs").forEach(dialogs::add);
            dialogs.forEach(dialog -> order.add(dialog.path("id").asText()));
            int[] lowestBelow = lowestPreviousPositionBelow(dialogs, previous);
            boolean nextPage = dialogs.size() >= limit;
            for (int i = 0; i < dialogs.size(); i++) {
                JsonNode dialog = dialogs.get(i);
                String chatId = dialog.path("id").asText();
                ChatCursor cursor = cursors.getOrDefault(chatId, new ChatCursor(chatId, null, since));
                if (filter.isGroupChat(chatId, dialog.path("isGroup").asBoolean(false))) {
                    ChatCursor skipped = new ChatCursor(chatId, text(dialog, "last_message_id"),
                            Math.max(cursor.lastTime(), dialog.path("last_time").asLong(0)));
                    groups.add(skipped);
                    advanced.add(skipped);
                    continue;
                }
                Change change = byMarkers(dialog, cursors.get(chatId), since);
                if (change == Change.UNCHANGED) {
                    // the list is ordered by activity: a further page is needed only when every chat on this one changed
                    nextPage = false;
                    continue;
                }
                List<PolledMessage> found = newMessages(chatId, dialog.path("contact"), cursor);
                if (change == Change.UNKNOWN && found.isEmpty()
                        && previous.getOrDefault(chatId, Integer.MAX_VALUE) <= lowestBelow[i]) {
                    // nothing new here and it did not move up: every chat below it is older still
                    nextPage = false;
                    break;
                }
                messages.addAll(found);
                advanced.add(advance(cursor, dialog, found, change));
            }
            if (!nextPage) {
                break;
            }
        }
        messages.sort(Comparator.comparingLong(PolledMessage::time));
        return new PollBatch(messages, advanced, groups, order);
    }

    public void commit(PollBatch batch) {
        state.save(batch.cursors());
        state.saveChatOrder(batch.chatOrder());
        state.pollSucceeded();
    }

    private static Change byMarkers(JsonNode dialog, ChatCursor cursor, long since) {
        String lastId = text(dialog, "last_message_id");
        long lastTime = dialog.path("last_time").asLong(0);
        if (lastId == null && lastTime == 0) {
            return Change.UNKNOWN;
        }
        if (cursor == null) {
            return lastTime == 0 || lastTime >= since ? Change.CHANGED : Change.UNCHANGED;
        }
        if (lastId != null) {
            return lastId.equals(cursor.lastMessageId()) ? Change.UNCHANGED : Change.CHANGED;
        }
        return lastTime > cursor.lastTime() ? Change.CHANGED : Change.UNCHANGED;
    }

    /** The stored cursor after reading a chat: its marker when Wappi gives one, else the newest message read. */
    private static ChatCursor advance(ChatCursor cursor, JsonNode dialog, List<PolledMessage> found, Change change) {
        long newest = found.stream().mapToLong(PolledMessage::time).max().orElse(cursor.lastTime());
        long lastTime = Math.max(newest, Math.max(cursor.lastTime(), dialog.path("last_time").asLong(0)));
        if (change == Change.CHANGED) {
            return new ChatCursor(cursor.chatId(), text(dialog, "last_message_id"), lastTime);
        }
        String newestId = found.isEmpty() ? cursor.lastMessageId() : found.get(found.size() - 1).id();
        return new ChatCursor(cursor.chatId(), newestId, lastTime);
    }

    /** For each chat on the page, the lowest position at the last poll of any chat below it (MAX_VALUE if none). */
    private static int[] lowestPreviousPositionBelow(List<JsonNode> dialogs, Map<String, Integer> previous) {
        int[] lowest = new int[dialogs.size()];
        int min = Integer.MAX_VALUE;
        for (int i = dialogs.size() - 1; i >= 0; i--) {
            lowest[i] = min;
            min = Math.min(min, previous.getOrDefault(dialogs.get(i).path("id").asText(), Integer.MAX_VALUE));
        }
        return lowest;
    }

    private static Map<String, Integer> positions(List<String> order) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.putIfAbsent(order.get(i), i);
        }
        return positions;
    }

    /** The chat's messages newer than its cursor, oldest first. */
    private List<PolledMessage> newMessages(String chatId, JsonNode contact, ChatCursor cursor) {
        int limit = wappiProperties.messagesPageSize();
        List<PolledMessage> found = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            JsonNode page = wappi.messages(chatId, limit, offset);
            JsonNode messages = page.path("messages");
            for (JsonNode message : messages) {
                String id = message.path("id").asText();
                if (id.equals(cursor.lastMessageId()) || message.path("time").asLong() < cursor.lastTime()) {
                    Collections.reverse(found);
                    return found;
                }
                found.add(new PolledMessage(message, contact));
            }
            int total = page.path("total_count").asInt(Integer.MAX_VALUE);
            if (messages.size() < limit || offset + limit >= total) {
                Collections.reverse(found);
                return found;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
