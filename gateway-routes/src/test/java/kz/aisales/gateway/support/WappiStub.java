package kz.aisales.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A Wappi account over WireMock: chats hold messages; every change re-publishes the chat list (newest
 * activity first) and each chat's message pages (newest first, {@code pageSize} per page) as stubs. Any other
 * chat reads as empty.
 */
public class WappiStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;
    private final int pageSize;
    private final Map<String, List<ObjectNode>> chats = new LinkedHashMap<>();
    private boolean markers = true;

    public WappiStub(WireMockServer server, int pageSize) {
        this.server = server;
        this.pageSize = pageSize;
        // a chat with no messages yet: what the send route's delivery check reads after a failed attempt
        server.stubFor(get(urlPathEqualTo("/api/sync/messages/get")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"done\",\"messages\":[],\"total_count\":0}")));
        publishChats();
    }

    public static ObjectNode text(String id, String chatId, long time, String body) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id).put("type", "chat").put("from", chatId).put("to", "79602041988@c.us")
                .put("fromMe", false).put("senderName", "Иван").put("time", time).put("body", body)
                .put("chatId", chatId).put("caption", "").put("isFromAPI", false);
        return message;
    }

    /**
     * Dialogs without change markers (only {@code id}, {@code contact} and {@code chat}), as the vendor's own sample
     * shows them.
     */
    public synchronized WappiStub withoutMarkers() {
        markers = false;
        publishChats();
        return this;
    }

    public synchronized WappiStub add(ObjectNode... messages) {
        for (ObjectNode message : messages) {
            chats.computeIfAbsent(message.path("chatId").asText(), chat -> new ArrayList<>()).add(message);
        }
        for (ObjectNode message : messages) {
            publishMessages(message.path("chatId").asText());
        }
        publishChats();
        return this;
    }

    private void publishChats() {
        ObjectNode answer = JSON.createObjectNode().put("status", "done");
        ArrayNode dialogs = answer.putArray("dialogs");
        chats.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<ObjectNode>> chat) -> newest(chat.getValue())
                        .path("time").asLong()).reversed())
                .forEach(chat -> {
                    ObjectNode last = newest(chat.getValue());
                    ObjectNode dialog = dialogs.addObject();
                    dialog.put("id", chat.getKey());
                    if (markers) {
                        dialog.put("isGroup", chat.getKey().endsWith("@g.us")).put("unread_count", 1)
                                .put("last_message_id", last.path("id").asText()).put("last_time", last.path("time").asLong())
                                .put("last_message_type", last.path("type").asText());
                    } else {
                        dialog.putObject("chat").put("VerifiedName", "").put("Status", "").put("PictureID", "");
                    }
                    dialog.putObject("contact").put("Found", true).put("FirstName", "Иван").put("FullName", "Иван Петров")
                            .put("PushName", "Ivan").put("BusinessName", "");
                });
        answer.put("total_count", dialogs.size());
        // POST, as the vendor documents it (WappiPollRoutesIT covers the fall-back to GET on a 405)
        server.stubFor(post(urlPathEqualTo("/api/sync/chats/get")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer.toString())));
    }

    private void publishMessages(String chatId) {
        List<ObjectNode> newestFirst = new ArrayList<>(chats.get(chatId));
        newestFirst.sort(Comparator.comparingLong((ObjectNode m) -> m.path("time").asLong()).reversed());
        for (int offset = 0; offset <= newestFirst.size(); offset += pageSize) {
            ObjectNode answer = JSON.createObjectNode().put("status", "done");
            ArrayNode page = answer.putArray("messages");
            newestFirst.subList(offset, Math.min(newestFirst.size(), offset + pageSize)).forEach(page::add);
            answer.put("total_count", newestFirst.size());
            server.stubFor(get(urlPathEqualTo("/api/sync/messages/get")).atPriority(1)
                    .withQueryParam("chat_id", equalTo(chatId))
                    .withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer.toString())));
        }
    }

    private static ObjectNode newest(List<ObjectNode> messages) {
        return messages.stream().max(Comparator.comparingLong(m -> m.path("time").asLong())).orElseThrow();
    }
}
