package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Switching from the original system: both services start on queues the original declared (with its TTL and length
 * limits) and with its settings' format (decimal seconds), read its messages (a timestamp without offset, no outbox id,
 * no creation time), and answer the curl lines of its README with the fields it shows (with the key now).
 */
class OriginalSystemIT {

    static final String TOKEN = "wappi-original-token-for-tests";
    static final String API_KEY = "gemini-original-key-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "POLLING_INTERVAL", "1.0", "MESSAGE_GROUP_TIMEOUT", "1.0"),
                OriginalSystemIT::originalQueues);
    }

    /** The original's declarations: incoming 24 h / 10 000, outgoing 1 h / 5 000, voice 2 h / 1 000. */
    static void originalQueues(Channel channel) throws Exception {
        channel.queueDeclare(RunningSystem.queue("incoming_messages"), true, false, false,
                Map.of("x-message-ttl", 86_400_000, "x-max-length", 10_000));
        channel.queueDeclare(RunningSystem.queue("outgoing_messages"), true, false, false,
                Map.of("x-message-ttl", 3_600_000, "x-max-length", 5_000));
        channel.queueDeclare(RunningSystem.queue("voice_transcription"), true, false, false,
                Map.of("x-message-ttl", 7_200_000, "x-max-length", 1_000));
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void aMessageFromTheOriginalGatewayIsAnsweredThroughTheNewOne() throws Exception {
        String phone = "77016660001";
        publish("incoming_messages", """
                {"message_id": "ORIGINAL-1", "chat_id": "77016660001@c.us", "phone_number": "77016660001",
                 "sender_name": "Асель", "message_text": "Здравствуйте, сколько стоит курс?", "message_type": "chat",
                 "is_voice": false, "transcription_status": null, "timestamp": "2026-12-02T10:15:00.123456",
                 "contact_info": {"FirstName": "Асель", "FullName": "Асель", "PushName": "Асель", "BusinessName": null}}""");

        await().atMost(Duration.ofSeconds(60)).until(() -> answeredThroughWappi(phone));
        assertThat(RunningSystem.deadLettered()).isZero();
    }

    @Test
    void aReplyFromTheOriginalAgentWithoutIdOrDateIsSentOnceHoweverOftenItIsDelivered() throws Exception {
        String phone = "77016660002";
        String reply = """
                {"phone_number": "77016660002", "message_text": "Спасибо за интерес! Менеджер скоро напишет.",
                 "reply_to_message_id": null, "mark_as_read": false}""";
        publish("outgoing_messages", reply);
        publish("outgoing_messages", reply);

        await().atMost(Duration.ofSeconds(30)).until(() -> wappi.sentTo(phone).size() == 1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> wappi.sentTo(phone).size() == 1);
    }

    @Test
    void theReadmesCurlLinesAnswerWithTheOriginalsFields() throws Exception {
        publish("incoming_messages", """
                {"message_id": "ORIGINAL-3", "phone_number": "77016660003", "sender_name": "Ерлан",
                 "message_text": "Добрый день, есть рассрочка?", "message_type": "chat", "is_voice": false,
                 "timestamp": "2026-12-02T10:20:00"}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> answeredThroughWappi("77016660003"));
        Map<String, Object> gatewayRoot = get(system.gateway().baseUri(), "/");
        assertThat(gatewayRoot).containsEntry("status", "running").containsKey("endpoints");
        assertThat(gatewayRoot.get("service")).asString().contains("Gateway");
        assertThat(get(system.gateway().baseUri(), "/stats")).containsKeys("date", "messages_received_today",
                "messages_sent_today", "voice_transcribed_today", "queue_sizes");

        Map<String, Object> agentRoot = get(system.agent().baseUri(), "/");
        assertThat(agentRoot).containsEntry("status", "running").containsKey("endpoints");
        Map<String, Object> stats = get(system.agent().baseUri(), "/stats");
        assertThat(stats).containsKeys("messages_today", "bot_messages_today", "active_followups", "scheduled_calls");
        assertThat((Map<String, Object>) stats.get("contacts")).containsKeys("total", "clients", "non_clients", "unclassified");
        Map<String, Object> contacts = get(system.agent().baseUri(), "/contacts?is_client=true");
        assertThat(contacts).containsKeys("count", "contacts");
        assertThat((List<Map<String, Object>>) get(system.agent().baseUri(), "/contacts").get("contacts"))
                .allSatisfy(contact -> assertThat(contact).containsKeys("id", "phone_number", "name", "is_client", "last_message_at"));
        assertThat(get(system.agent().baseUri(), "/follow-ups/active")).containsKeys("count", "follow_ups");
        assertThat(get(system.agent().baseUri(), "/health")).containsKey("status");
    }

    /**
     * The agent stored a reply to the customer and the gateway sent its text through Wappi. (The fake Wappi never saw
     * the customer's message, which the original gateway read, so it cannot name the chat a quoted reply goes to.)
     */
    private static boolean answeredThroughWappi(String phone) throws Exception {
        List<Map<String, Object>> messages = JSON.readValue(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                system.agent().baseUri().resolve("/contacts/" + phone + "/messages")).header("X-API-Key", RunningSystem.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString()).body(), new TypeReference<>() { });
        return messages.stream().filter(message -> "assistant".equals(message.get("role")))
                .anyMatch(reply -> wappi.sent().stream().anyMatch(sent -> sent.body().equals(reply.get("message_text"))));
    }

    private static void publish(String queue, String body) throws Exception {
        try (com.rabbitmq.client.Connection connection = RunningSystem.broker(); Channel channel = connection.createChannel()) {
            channel.basicPublish("", RunningSystem.queue(queue), new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Object> get(URI service, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.resolve(path))
                .header("X-API-Key", RunningSystem.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), new TypeReference<>() { });
    }
}
