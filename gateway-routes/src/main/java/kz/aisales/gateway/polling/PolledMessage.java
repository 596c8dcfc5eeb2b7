package kz.aisales.gateway.polling;

import com.fasterxml.jackson.databind.JsonNode;

/** A message as Wappi listed it, with the contact of its chat (from the chat list). */
public record PolledMessage(JsonNode message, JsonNode contact) {

    public String id() {
        return message.path("id").asText();
    }

    public long time() {
        return message.path("time").asLong();
    }

    public String chatId() {
        String chatId = message.path("chatId").asText("");
        return chatId.isEmpty() ? message.path("from").asText("") : chatId;
    }

    public String type() {
        return message.path("type").asText("chat");
    }
}
