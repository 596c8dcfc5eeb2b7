package kz.aisales.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.config.QueueProperties;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running agent (shared by the flow tests) against real RabbitMQ and PostgreSQL, with Gemini stubbed
 * by WireMock over HTTP and a clock tests can move. Each test starts from empty tables and queues, at the
 * real time.
 */
@CamelSpringBootTest
@DisableJmx(false) // the routes' MBeans, for Jolokia (operations/OperationsIT)
// the flow tests' own queues; a subclass with a context of its own declares its own @SpringBootTest with others
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "queues.incoming=agent-test.flow.incoming_messages", "queues.outgoing=agent-test.flow.outgoing_messages",
        "queues.outgoing-follow-ups=agent-test.flow.outgoing_follow_ups"})
@ActiveProfiles("test")
@Import(MovableClock.Configuration.class)
public abstract class AgentFlowSupport {

    /** {@code admin.api-key} of the test profile. */
    public static final String ADMIN_KEY = "test-admin-key";

    /** A read as a machine makes it: with the admin key (every call but /health needs it). */
    protected static HttpEntity<Void> withKey() {
        return asOperator(null);
    }

    /** A changing REST call as an operator makes it: JSON, with the admin key of the test profile. */
    protected static <T> HttpEntity<T> asOperator(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-API-Key", ADMIN_KEY);
        return new HttpEntity<>(body, headers);
    }

    protected static final String GENERATE = "/v1beta/models/.*:generateContent";
    protected static final WireMockServer GEMINI = new WireMockServer(options().dynamicPort().http2PlainDisabled(true)
            .containerThreads(200).asynchronousResponseEnabled(true).asynchronousResponseThreads(200));
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String CONSOLE_USER = "operator";
    protected static final String GATEWAY_KEY = "gateway-test-key";
    protected static final String CONSOLE_PASSWORD = "console-pass-a41f";

    static {
        GEMINI.start();
        forgetBurstsOfEarlierRuns();
    }

    /** Bursts left by an earlier, interrupted test run would otherwise be recovered into this one. */
    private static void forgetBurstsOfEarlierRuns() {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:5432/ai_agent_test", "postgres", "");
                java.sql.Statement sql = db.createStatement()) {
            sql.execute("DO $$ BEGIN IF to_regclass('conversation_burst') IS NOT NULL THEN"
                    + " DELETE FROM conversation_burst; DELETE FROM conversation_burst_completed; END IF; END $$");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
    }

    @DynamicPropertySource
    static void agentUnderTest(DynamicPropertyRegistry registry) {
        registry.add("gemini.base-url", GEMINI::baseUrl);
        registry.add("gemini.api-key", () -> "test-key");
        // the gateway's kept files (GET /media/{id}) are served by the same stub server
        registry.add("gateway.url", GEMINI::baseUrl);
        registry.add("gateway.api-key", () -> GATEWAY_KEY);
        registry.add("console.user", () -> CONSOLE_USER);
        registry.add("console.password", () -> CONSOLE_PASSWORD);
    }

    @Autowired
    protected CamelContext camel;
    @Autowired
    protected RabbitTemplate rabbit;
    @Autowired
    protected AmqpAdmin amqp;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected QueueProperties queues;
    @Autowired
    protected MovableClock clock;

    @BeforeEach
    void startClean() {
        clock.reset();
        GEMINI.resetAll();
        amqp.purgeQueue(queues.incoming(), false);
        amqp.purgeQueue(queues.outgoing(), false);
        amqp.purgeQueue(queues.outgoingFollowUps(), false);
        amqp.purgeQueue(queues.deadLetter(queues.incoming()), false);
        jdbc.update("DELETE FROM conversation_burst");
        jdbc.update("DELETE FROM conversation_burst_completed");
        jdbc.update("DELETE FROM contacts");
    }

    // ---- queues

    protected void publishIncoming(String messageId, String phone, String text) {
        publishIncoming(messageId, phone, text, OffsetDateTime.now());
    }

    protected void publishIncoming(String messageId, String phone, String text, OffsetDateTime at) {
        publishRaw(write(incoming(messageId, phone, text, at)), messageId);
    }

    /** What the gateway reports when a person at the business typed to the customer on the phone. */
    /** A customer message with the file the gateway attached ({@code media}, base64), as docs/queues.md describes it. */
    protected void publishWithFile(String id, String phone, String text, String type, String mime, byte[] data, String fileName) {
        Map<String, Object> message = incoming(id, phone, text, OffsetDateTime.now());
        message.put("message_type", type);
        message.put("media_status", "attached");
        Map<String, Object> media = new LinkedHashMap<>();
        media.put("mime_type", mime);
        media.put("data", Base64.getEncoder().encodeToString(data));
        media.put("size_bytes", data.length);
        media.put("file_name", fileName);
        message.put("media", media);
        publishRaw(write(message), id);
    }

    protected void publishOperatorMessage(String messageId, String phone, String text) {
        Map<String, Object> message = incoming(messageId, phone, text, OffsetDateTime.now());
        message.put("sender_name", "Бизнес");
        message.put("event", "operator_message");
        publishRaw(write(message), messageId);
    }

    protected static Map<String, Object> incoming(String messageId, String phone, String text, OffsetDateTime at) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageId);
        message.put("chat_id", phone + "@c.us");
        message.put("phone_number", phone);
        message.put("sender_name", "Иван Петров");
        message.put("message_text", text);
        message.put("message_type", "chat");
        message.put("is_voice", false);
        message.put("transcription_status", null);
        message.put("timestamp", at.toString());
        message.put("contact_info", Map.of("FirstName", "Иван", "FullName", "Иван Петров", "PushName", "Ivan"));
        return message;
    }

    protected void publishRaw(String body, String correlationId) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader("correlation_id", correlationId);
        rabbit.send("", queues.incoming(), new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    /** The next reply or follow-up, whichever queue it went to, or null if none arrives within the timeout. */
    protected Message receiveOutgoing(long timeoutMillis) {
        AtomicReference<Message> received = new AtomicReference<>();
        try {
            await().atMost(Duration.ofMillis(timeoutMillis)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (String queue : List.of(queues.outgoing(), queues.outgoingFollowUps())) {
                    if (received.get() == null) {
                        received.set(rabbit.receive(queue));
                    }
                }
                return received.get() != null;
            });
        } catch (ConditionTimeoutException e) {
            return null;
        }
        return received.get();
    }

    protected Message receiveDeadLetter(long timeoutMillis) {
        return rabbit.receive(queues.deadLetter(queues.incoming()), timeoutMillis);
    }

    protected static Map<String, Object> body(Message message) {
        try {
            return JSON.readValue(message.getBody(), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the turn that handles this customer message has committed. */
    protected void awaitHandled(String messageId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE message_id = ? AND handled_at IS NOT NULL)", Boolean.class, messageId)));
    }

    /** Waits until no burst is being collected or answered, and none starts for a while. */
    protected void awaitNoTurnPending() {
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM conversation_burst) + (SELECT count(*) FROM conversation_burst_completed)", Integer.class) == 0);
    }

    // ---- Gemini stub

    protected static MappingBuilder moderatorCall() {
        return post(urlPathMatching(GENERATE)).withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.isClient"));
    }

    protected static MappingBuilder salesCall() {
        return post(urlPathMatching(GENERATE)).withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent"));
    }

    protected static RequestPatternBuilder salesRequests() {
        return postRequestedFor(urlPathMatching(GENERATE)).withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent"));
    }

    protected static RequestPatternBuilder moderatorRequests() {
        return postRequestedFor(urlPathMatching(GENERATE)).withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.isClient"));
    }

    protected static MappingBuilder followUpCall() {
        return post(urlPathMatching(GENERATE))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.reply"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent", absent()));
    }

    protected static RequestPatternBuilder followUpRequests() {
        return postRequestedFor(urlPathMatching(GENERATE))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.reply"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent", absent()));
    }

    protected static void stubFollowUp(String text) {
        GEMINI.stubFor(followUpCall().willReturn(answer(Map.of("reply", text))));
    }

    protected static void stubModerator(Boolean isClient) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("isClient", isClient);
        verdict.put("confidence", 0.9);
        verdict.put("reasoning", "Тестовое решение модератора.");
        GEMINI.stubFor(moderatorCall().willReturn(answer(verdict)));
    }

    protected static void stubSales(String reply, String intent) {
        GEMINI.stubFor(salesCall().willReturn(answer(salesAnswer(reply, intent, false, null))));
    }

    protected static Map<String, Object> salesAnswer(String reply, String intent, boolean callAgreed, String callTime) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("agreed", callAgreed);
        call.put("time", callTime);
        return Map.of("reply", reply, "intent", intent, "call", call);
    }

    /** A 200 answer whose text is the given structured JSON, with a thought part that must be skipped. */
    protected static ResponseDefinitionBuilder answer(Object structured) {
        Map<String, Object> response = Map.of(
                "candidates", List.of(Map.of(
                        "content", Map.of("role", "model", "parts", List.of(
                                Map.of("text", "thinking about the customer", "thought", true),
                                Map.of("text", write(structured)))),
                        "finishReason", "STOP", "index", 0)),
                "usageMetadata", Map.of("promptTokenCount", 100, "candidatesTokenCount", 20, "totalTokenCount", 120),
                "modelVersion", "gemini-test");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(write(response));
    }

    protected static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The text the model was given in a logged request: system instruction and contents. */
    protected static String promptText(LoggedRequest request) {
        try {
            Map<String, Object> body = JSON.readValue(request.getBodyAsString(), new TypeReference<>() { });
            return JSON.writeValueAsString(body.get("systemInstruction")) + JSON.writeValueAsString(body.get("contents"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
