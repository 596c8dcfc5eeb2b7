package kz.aisales.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class WappiWebhookRoutesIT extends GatewayTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aPushedCustomerMessageIsPublishedInTheQueueFormat() throws Exception {
        String chat = newChat();
        String id = "WH" + UUID.randomUUID();

        ResponseEntity<String> answer = push(body(incoming(id, chat, "Здравствуйте! Сколько стоит курс?")), WEBHOOK_SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode message = receive(queues.incoming(), WAIT);
        assertThat(message.path("message_id").asText()).isEqualTo(id);
        assertThat(message.path("phone_number").asText()).isEqualTo(chat.replace("@c.us", ""));
        assertThat(message.path("message_text").asText()).isEqualTo("Здравствуйте! Сколько стоит курс?");
        assertThat(message.path("sender_name").asText()).isEqualTo("Flood");
        assertThat(message.path("contact_info").path("FullName").asText()).isEqualTo("Максим");
        assertThat(message.has("event")).isFalse();
    }

    @Test
    void theAnswerComesOnlyAfterTheMessageIsOnTheQueue() throws Exception {
        String id = "WQ" + UUID.randomUUID();

        push(body(incoming(id, newChat(), "Есть рассрочка?")), WEBHOOK_SECRET);

        // no waiting: by the time the webhook answered, the message is already published, so one basic.get finds it
        // (a timeout, however short, would make the template register a consumer and race its delivery)
        JsonNode message = receive(queues.incoming(), Duration.ZERO);
        assertThat(message).isNotNull();
        assertThat(message.path("message_id").asText()).isEqualTo(id);
    }

    @Test
    void aSingleObjectBodyAndTheSecretAsQueryParameterAreAccepted() throws Exception {
        String id = "WS" + UUID.randomUUID();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> answer = http.postForEntity("/webhooks/wappi?token=" + WEBHOOK_SECRET,
                new HttpEntity<>(incoming(id, newChat(), "hi").toString(), headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(receive(queues.incoming(), WAIT).path("message_id").asText()).isEqualTo(id);
    }

    @Test
    void aForgedWebhookIsRefusedAndNothingIsPublished() throws Exception {
        String body = body(incoming("WF" + UUID.randomUUID(), newChat(), "forged")).toString();
        HttpHeaders none = new HttpHeaders();
        none.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> wrong = push(body, "not-the-secret");
        ResponseEntity<String> missing = http.postForEntity("/webhooks/wappi", new HttpEntity<>(body, none), String.class);
        ResponseEntity<String> wrongQuery = http.postForEntity("/webhooks/wappi?token=guess", new HttpEntity<>(body, none),
                String.class);

        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrongQuery.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getBody()).doesNotContain("forged").doesNotContain("not-the-secret");
        assertThat(wrong.getHeaders().toString()).doesNotContain("not-the-secret");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(1))).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_logs", Integer.class)).isZero();
    }

    @Test
    void aMessageArrivingByWebhookAndByPollIsPublishedOnce() throws Exception {
        String chat = newChat();
        String id = "WP" + UUID.randomUUID();
        push(body(incoming(id, chat, "И по вебхуку, и в чате")), WEBHOOK_SECRET);
        assertThat(receive(queues.incoming(), WAIT).path("message_id").asText()).isEqualTo(id);

        wappi.add(WappiStub.text(id, chat, now(), "И по вебхуку, и в чате"));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT count(*) FROM wappi_chat_cursors WHERE chat_id = ?",
                Integer.class, chat) == 1);

        assertThat(receive(queues.incoming(), Duration.ofSeconds(2))).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_logs WHERE message_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void anEchoOfOurOwnSendIsFilteredAndAMessageTypedOnThePhoneIsAnOperatorEvent() throws Exception {
        String chat = newChat();
        String phone = chat.replace("@c.us", "");
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                + " VALUES ('k', ?, 'Курс стоит 200 000 ₸', '3EB0OURS1', now())", phone);
        ObjectNode echo = outgoing("3EB0OURS1", chat, "Курс стоит 200 000 ₸", "outgoing_message_api", "api");
        ObjectNode typed = outgoing("3EB0TYPED" + UUID.randomUUID(), chat, "Это Анна, менеджер", "outgoing_message_phone",
                "phone");

        push(body(echo, typed), WEBHOOK_SECRET);

        JsonNode event = receive(queues.incoming(), WAIT);
        assertThat(event.path("event").asText()).isEqualTo("operator_message");
        assertThat(event.path("phone_number").asText()).isEqualTo(phone);
        assertThat(event.path("message_text").asText()).isEqualTo("Это Анна, менеджер");
        assertThat(receive(queues.incoming(), Duration.ofSeconds(1))).isNull();
        assertThat(jdbc.queryForObject("SELECT reason FROM message_logs WHERE message_id = '3EB0OURS1'", String.class))
                .isEqualTo("our own message: sent by this gateway");
    }

    @Test
    void aBodyThatIsNotJsonGetsA400WithTheReason() {
        ResponseEntity<String> answer = push("{\"messages\": [", WEBHOOK_SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("not JSON");
    }

    @Test
    void aDeliveryStatusIsStoredOnTheSentMessage() {
        jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                + " VALUES ('k', '77010000001', 'text', '3EB0DS1', now())");

        ResponseEntity<String> answer = push(body(status("3EB0DS1", "delivered")), WEBHOOK_SECRET);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT delivery_status FROM own_messages WHERE wappi_message_id = '3EB0DS1'",
                String.class)).isEqualTo("delivered");
        assertThat(http.getForObject("/health", Map.class)).containsEntry("sending", "active");
    }

    @Test
    void aTemporaryBanPausesSendingUntilAnOperatorResumes() {
        push(body(status("3EB0ANY", "temporary ban")), WEBHOOK_SECRET);
        assertThat((String) http.getForObject("/health", Map.class).get("sending")).startsWith("paused since")
                .contains("temporary ban");
        assertThat(read("/wappi/sending", Map.class)).containsEntry("paused", true).containsKey("paused_since")
                .extractingByKey("reason").asString().contains("temporary ban");

        ResponseEntity<Map> resumed = http.postForEntity("/wappi/sending/resume", asOperator(Map.of()), Map.class);

        assertThat(resumed.getBody()).containsEntry("resumed", true);
        assertThat(http.getForObject("/health", Map.class)).containsEntry("sending", "active");
        assertThat(read("/wappi/sending", Map.class)).isEqualTo(Map.of("paused", false));
    }

    @Test
    void aRunOfUndeliveredMessagesPausesSending() {
        for (int i = 0; i < 5; i++) {
            jdbc.update("INSERT INTO own_messages (outbox_key, phone_number, message_text, wappi_message_id, sent_at)"
                    + " VALUES ('k', '77010000003', 'text', ?, now())", "3EB0UD" + i);
        }
        for (int i = 0; i < 4; i++) {
            push(body(status("3EB0UD" + i, "undelivered")), WEBHOOK_SECRET);
        }
        assertThat(http.getForObject("/health", Map.class)).containsEntry("sending", "active");

        push(body(status("3EB0UD4", "undelivered")), WEBHOOK_SECRET);

        assertThat((String) http.getForObject("/health", Map.class).get("sending")).contains("undelivered");
    }

    @Test
    void theSendingResumeNeedsTheAdminKey() {
        ResponseEntity<String> answer = http.postForEntity("/wappi/sending/resume", null, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> push(Object body, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Authorization", secret);
        return http.postForEntity("/webhooks/wappi", new HttpEntity<>(body.toString(), headers), String.class);
    }

    private static ObjectNode body(ObjectNode... messages) {
        ObjectNode body = JSON.createObjectNode();
        for (ObjectNode message : messages) {
            body.withArray("messages").add(message);
        }
        return body;
    }

    /** A customer's message as the contract's webhook sample shows it. */
    private static ObjectNode incoming(String id, String chat, String text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("wh_type", "incoming_message").put("profile_id", "test-profile").put("id", id).put("body", text)
                .put("type", "chat").put("from", chat).put("to", "79602041988@c.us").put("senderName", "Flood")
                .put("chatId", chat).put("timestamp", "2024-10-21T11:27:57+03:00").put("time", now())
                .put("from_where", "phone").put("contact_name", "Максим").put("is_me", false).put("chat_type", "dialog")
                .put("is_deleted", false);
        return message;
    }

    private static ObjectNode outgoing(String id, String chat, String text, String whType, String fromWhere) {
        ObjectNode message = incoming(id, chat, text);
        message.put("wh_type", whType).put("from_where", fromWhere).put("is_me", true).put("from", "79602041988@c.us")
                .put("to", chat);
        return message;
    }

    private static ObjectNode status(String id, String status) {
        return JSON.createObjectNode().put("wh_type", "delivery_status").put("profile_id", "test-profile").put("id", id)
                .put("delivery_status", status).put("time", now());
    }
}
