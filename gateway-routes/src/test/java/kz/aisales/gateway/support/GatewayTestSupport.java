package kz.aisales.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import kz.aisales.gateway.cluster.SendHandover;
import kz.aisales.gateway.config.QueueProperties;

import kz.aisales.gateway.GatewayApplication;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway for all route tests (one Spring context, so one set of consumers on the gw-test.* queues),
 * with Wappi and Gemini stubbed by one WireMock server over real HTTP, real PostgreSQL and RabbitMQ.
 * Before each test: stubs reset, poller stopped while the tables and queues are emptied.
 */
@CamelSpringBootTest
@DisableJmx(false) // the routes' MBeans, for Jolokia (operations/OperationsIT) and route coverage
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayTestSupport {

    public static final String WAPPI_TOKEN = "wappi-token-7f3a9c41-secret";
    public static final String GEMINI_KEY = "gemini-key-91bc22-secret";
    public static final int PAGE_SIZE = 3;
    public static final String CONSOLE_USER = "operator";
    public static final String CONSOLE_PASSWORD = "console-pass-5d1e";
    /** {@code admin.api-key} of the test profile. */
    public static final String ADMIN_KEY = "test-admin-key";
    /** {@code webhook.secret} of the test profile. */
    public static final String WEBHOOK_SECRET = "test-webhook-secret-4b7e";

    protected static final WireMockServer STUBS = new WireMockServer(options().dynamicPort().http2PlainDisabled(true));
    protected static final ObjectMapper JSON = new ObjectMapper();

    static {
        STUBS.start();
    }

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry registry) {
        registry.add("wappi.base-url", STUBS::baseUrl);
        registry.add("wappi.token", () -> WAPPI_TOKEN);
        registry.add("wappi.profile-id", () -> "test-profile");
        registry.add("gemini.base-url", STUBS::baseUrl);
        registry.add("gemini.api-key", () -> GEMINI_KEY);
        registry.add("console.user", () -> CONSOLE_USER);
        registry.add("console.password", () -> CONSOLE_PASSWORD);
    }

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RabbitTemplate rabbit;
    @Autowired
    protected AmqpAdmin amqp;
    @Autowired
    protected QueueProperties queues;
    @Autowired
    protected CamelContext camel;
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected SendHandover handover;

    protected WappiStub wappi;

    @BeforeEach
    void cleanState() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
        STUBS.resetAll();
        wappi = new WappiStub(STUBS, PAGE_SIZE);
        jdbc.update("DELETE FROM message_logs");
        jdbc.update("DELETE FROM camel_messageprocessed");
        jdbc.update("DELETE FROM wappi_chat_cursors");
        jdbc.update("DELETE FROM wappi_poll_state");
        jdbc.update("DELETE FROM opted_out_numbers");
        jdbc.update("DELETE FROM own_messages");
        // every test starts with a number that sent nothing lately: no wait for an earlier test's rate window
        handover.begin();
        jdbc.update("DELETE FROM sending_pause");
        jdbc.update("DELETE FROM whitelist WHERE description = 'test'");
        for (String queue : List.of(queues.incoming(), queues.voice(), queues.outgoing(), queues.outgoingFollowUps())) {
            amqp.purgeQueue(queue, false);
            amqp.purgeQueue(queues.deadLetter(queue), false);
        }
        camel.getRouteController().startRoute("wappi-poll");
    }

    @AfterEach
    void stopPolling() throws Exception {
        camel.getRouteController().stopRoute("wappi-poll");
    }

    /** A read as a machine makes it: with the admin key (every call but /health needs it). */
    protected static HttpEntity<Void> withKey() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-API-Key", ADMIN_KEY);
        return new HttpEntity<>(headers);
    }

    /** {@code GET path} with the admin key. */
    protected <T> T read(String path, Class<T> type) {
        return http.exchange(path, org.springframework.http.HttpMethod.GET, withKey(), type).getBody();
    }

    /** A changing REST call as an operator makes it: JSON, with the admin key of the test profile. */
    protected static <T> HttpEntity<T> asOperator(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-API-Key", ADMIN_KEY);
        return new HttpEntity<>(body, headers);
    }

    /** A chat id of a random Kazakh number, so tests never share chats. */
    protected static String newChat() {
        return "7701" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "@c.us";
    }

    protected static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The next message on a queue as JSON, or null after the timeout. */
    /** The next message on {@code queue} within {@code timeout}; a zero timeout is one {@code basic.get}, no waiting. */
    protected JsonNode receive(String queue, Duration timeout) throws Exception {
        Message message = timeout.isZero() ? rabbit.receive(queue) : rabbit.receive(queue, timeout.toMillis());
        return message == null ? null : JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    /** The texts of the next {@code count} messages on {@code incoming_messages}, failing when one does not come. */
    protected List<String> texts(int count) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode message = receive(queues.incoming(), Duration.ofSeconds(15));
            org.assertj.core.api.Assertions.assertThat(message).as("message %d of %d", i + 1, count).isNotNull();
            texts.add(message.path("message_text").asText());
        }
        return texts;
    }

    /** A second gateway on the same database, queues and stubs, with these extra command-line properties. */
    protected static ConfigurableApplicationContext anotherGateway(String... properties) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=0", "--wappi.base-url=" + STUBS.baseUrl(),
                "--wappi.token=" + WAPPI_TOKEN, "--wappi.profile-id=test-profile", "--gemini.base-url=" + STUBS.baseUrl(),
                "--gemini.api-key=" + GEMINI_KEY));
        arguments.addAll(List.of(properties));
        return new SpringApplicationBuilder(GatewayApplication.class).profiles("test").run(arguments.toArray(String[]::new));
    }

    protected Message receiveRaw(String queue, Duration timeout) {
        return rabbit.receive(queue, timeout.toMillis());
    }

    protected void publishOutgoing(Map<String, Object> body, String correlationId) throws Exception {
        publish(queues.outgoing(), body, correlationId);
    }

    protected void publishFollowUp(Map<String, Object> body, String correlationId) throws Exception {
        publish(queues.outgoingFollowUps(), body, correlationId);
    }

    private void publish(String queue, Map<String, Object> body, String correlationId) throws Exception {
        rabbit.send("", queue, org.springframework.amqp.core.MessageBuilder
                .withBody(JSON.writeValueAsBytes(body)).setContentType("application/json")
                .setHeader("correlation_id", correlationId).build());
    }
}
