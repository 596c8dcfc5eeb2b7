package kz.aisales.system.fakes;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * Gemini's generateContent as ../shared/contracts/gemini.md describes it. A structured request gets
 * an answer built from its own {@code responseJsonSchema}, so the fake follows the agent's schema
 * (booleans true, enums prefer "other", optional fields left out; files hold no payment receipt unless
 * {@link #receiptOnFiles} says what one shows); audio gets a transcript. Latency
 * and scripted failures (503, 429 with RetryInfo) can be set.
 */
public final class FakeGemini extends FakeHttpServer {

    public static final String TRANSCRIPT = "Здравствуйте, сколько стоит курс?";
    private static final Map<String, Object> NO_RECEIPT = receiptOf(false);

    public static final String REPLY = "Спасибо, что написали! Что вам сейчас интереснее: сайты или приложения?";

    private final String apiKey;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Deque<int[]> script = new ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<java.time.Instant> callTimes = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Map<String, Object> receipt;
    private volatile String salesReply;

    public FakeGemini(String apiKey) throws IOException {
        this.apiKey = apiKey;
    }

    /** The key the fake accepts ({@code x-goog-api-key}). */
    public String apiKey() {
        return apiKey;
    }

    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** The next {@code times} calls answer {@code status} (429 carries RetryInfo of {@code retrySeconds}). */
    public synchronized void failNext(int times, int status, int retrySeconds) {
        for (int i = 0; i < times; i++) {
            script.add(new int[] {status, retrySeconds});
        }
    }

    /**
     * What the sales model reads on the customer's files from now on: a receipt with these fields ({@code is_receipt},
     * {@code amount}, ...); null (the default): the files hold no receipt.
     */
    public void receiptOnFiles(Map<String, Object> fields) {
        this.receipt = fields;
    }

    /** The sales agent's reply from now on; null (the default): {@link #REPLY}. */
    public void salesReply(String text) {
        this.salesReply = text;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public int calls() {
        return calls.get();
    }

    /** When each call arrived, in order. */
    public List<java.time.Instant> callTimes() {
        return List.copyOf(callTimes);
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        callTimes.add(java.time.Instant.now());
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"))) {
            respond(exchange, 403, error(403, "PERMISSION_DENIED", "API key not valid"));
            return;
        }
        JsonNode request = JSON.readTree(body(exchange));
        requests.add(request);
        sleep(latency);
        int[] failure;
        synchronized (this) {
            failure = script.poll();
        }
        if (failure != null) {
            Map<String, Object> error = error(failure[0], failure[0] == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE",
                    failure[0] == 429 ? "You exceeded your current quota" : "The model is overloaded");
            if (failure[0] == 429) {
                ((Map<String, Object>) error.get("error")).put("details", List.of(
                        Map.of("@type", "type.googleapis.com/google.rpc.QuotaFailure",
                                "violations", List.of(Map.of("quotaId", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"))),
                        Map.of("@type", "type.googleapis.com/google.rpc.RetryInfo", "retryDelay", failure[1] + "s")));
            }
            respond(exchange, failure[0], error);
            return;
        }
        JsonNode schema = request.at("/generationConfig/responseJsonSchema");
        if (schema.isMissingNode()) {
            schema = request.at("/generationConfig/responseSchema");
        }
        Object structured = schema.isMissingNode() ? null : valueFor("", schema);
        if (structured instanceof ObjectNode answer && answer.has("receipt")) {
            Map<String, Object> seen = receipt;
            answer.set("receipt", JSON.valueToTree(seen != null ? seen : NO_RECEIPT));
        }
        String written = salesReply;
        if (written != null && structured instanceof ObjectNode answer && answer.has("reply") && answer.has("intent")) {
            answer.put("reply", written);
        }
        String text = structured == null ? (hasAudio(request) ? TRANSCRIPT : REPLY) : JSON.writeValueAsString(structured);
        respond(exchange, 200, Map.of(
                "candidates", List.of(Map.of("content", Map.of("role", "model", "parts", List.of(Map.of("text", text))),
                        "finishReason", "STOP", "index", 0)),
                "usageMetadata", Map.of("promptTokenCount", 100, "candidatesTokenCount", 20, "totalTokenCount", 120),
                "modelVersion", "fake-gemini"));
    }

    private static Map<String, Object> receiptOf(boolean isReceipt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("is_receipt", isReceipt);
        for (String field : List.of("amount", "currency", "date", "payer_name", "merchant")) {
            fields.put(field, null);
        }
        return fields;
    }

    private static Object valueFor(String name, JsonNode schema) {
        JsonNode enumValues = schema.path("enum");
        if (enumValues.isArray() && !enumValues.isEmpty()) {
            for (JsonNode value : enumValues) {
                if ("other".equals(value.asText())) {
                    return "other";
                }
            }
            return enumValues.get(0).asText();
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("string");
        switch (type.toLowerCase()) {
            case "object": {
                ObjectNode object = JSON.createObjectNode();
                for (JsonNode required : schema.path("required")) {
                    String property = required.asText();
                    object.set(property, JSON.valueToTree(valueFor(property, schema.path("properties").path(property))));
                }
                return object;
            }
            case "array":
                return JSON.createArrayNode();
            case "boolean":
                return true;
            case "number":
                return 0.9;
            case "integer":
                return 1;
            case "null":
                return null;
            default:
                return name.toLowerCase().contains("reason") ? "Спрашивает о курсе" : REPLY;
        }
    }

    private static boolean hasAudio(JsonNode request) {
        for (Iterator<JsonNode> contents = request.path("contents").elements(); contents.hasNext();) {
            for (JsonNode part : contents.next().path("parts")) {
                if (part.has("inline_data") || part.has("inlineData") || part.has("file_data") || part.has("fileData")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Object> error(int code, String status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        return new LinkedHashMap<>(Map.of("error", error));
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
