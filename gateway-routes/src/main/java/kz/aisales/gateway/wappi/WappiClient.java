package kz.aisales.gateway.wappi;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Typed calls of the Wappi routes for beans (poller, health) that need Wappi answers inline. */
@Component
public class WappiClient {

    private final ProducerTemplate template;

    public WappiClient(ProducerTemplate template) {
        this.template = template;
    }

    public JsonNode chats(int limit, int offset) {
        return call("direct:wappi-chats", Map.of("limit", limit, "offset", offset));
    }

    public JsonNode messages(String chatId, int limit, int offset) {
        return call("direct:wappi-messages", Map.of("chat_id", chatId, "limit", limit, "offset", offset, "order", "desc"));
    }

    public JsonNode profileStatus() {
        return call("direct:wappi-status", Map.of());
    }

    private JsonNode call(String endpoint, Map<String, Object> query) {
        return template.requestBodyAndHeader(endpoint, null, WappiRequests.QUERY, query, JsonNode.class);
    }
}
