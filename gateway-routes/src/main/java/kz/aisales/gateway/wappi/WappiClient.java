package kz.aisales.gateway.wappi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Typed calls of the Wappi routes for beans (poller, health, self-check, webhook registration) that need Wappi
 * answers inline. {@code chats/get} goes as POST, as the vendor documents it; a 405 switches this gateway to GET (as
 * some client code calls it) for the rest of its life, once, with a warning.
 */
@Component
public class WappiClient {

    private static final Logger LOG = LoggerFactory.getLogger(WappiClient.class);

    private final ProducerTemplate template;
    private final AtomicReference<String> chatsMethod = new AtomicReference<>("POST");

    public WappiClient(ProducerTemplate template) {
        this.template = template;
    }

    public JsonNode chats(int limit, int offset) {
        Map<String, Object> query = Map.of("limit", limit, "offset", offset);
        String method = chatsMethod.get();
        try {
            return call("direct:wappi-chats", null, query, method);
        } catch (WappiException e) {
            if (e.statusCode() != 405 || !"POST".equals(method) || !chatsMethod.compareAndSet("POST", "GET")) {
                throw e;
            }
            LOG.warn("Wappi refused chats/get with POST (405): using GET from now on");
            return call("direct:wappi-chats", null, query, "GET");
        }
    }

    /** The method {@code chats/get} is called with now: POST, or GET after a 405. */
    public String chatsMethod() {
        return chatsMethod.get();
    }

    /** One {@code chats/get} call with the given method, as it is, for the self-check (no fallback). */
    public JsonNode chatsWith(String method, int limit) {
        return call("direct:wappi-chats", null, Map.of("limit", limit, "offset", 0), method);
    }

    public JsonNode messages(String chatId, int limit, int offset) {
        return call("direct:wappi-messages", null,
                Map.of("chat_id", chatId, "limit", limit, "offset", offset, "order", "desc"), null);
    }

    public JsonNode profileStatus() {
        return call("direct:wappi-status", null, Map.of(), null);
    }

    /** Asks where a media message can be downloaded; reads the answer only, never the file. */
    public JsonNode mediaDownload(String messageId) {
        return call("direct:wappi-media-download", null, Map.of("message_id", messageId), null);
    }

    public JsonNode setWebhookUrl(String url, String auth) {
        Map<String, Object> query = new HashMap<>();
        query.put("url", url);
        query.put("auth", auth);
        return call("direct:wappi-webhook-url-set", null, query, null);
    }

    public JsonNode setWebhookTypes(List<String> types) {
        return call("direct:wappi-webhook-types-set", types, Map.of(), null);
    }

    private JsonNode call(String endpoint, Object body, Map<String, Object> query, String method) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(WappiRequests.QUERY, query);
        if (method != null) {
            headers.put(WappiRequests.METHOD, method);
        }
        try {
            return template.requestBodyAndHeaders(endpoint, body, headers, JsonNode.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof WappiException wappi) {
                throw wappi;
            }
            throw e;
        }
    }
}
