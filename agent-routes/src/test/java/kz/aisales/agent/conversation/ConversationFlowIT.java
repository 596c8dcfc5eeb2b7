package kz.aisales.agent.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

class ConversationFlowIT extends AgentFlowSupport {

    @Test
    void burstOfThreeMessagesGetsOneGeminiCallWithAllTextsAndOneReply() {
        stubModerator(true);
        stubSales("Отлично! Расскажите, что хотите создать?", "other");

        publishIncoming("burst-1", "77010000001", "Здравствуйте");
        publishIncoming("burst-2", "77010000001", "интересует курс по созданию сайтов");
        publishIncoming("burst-3", "77010000001", "для своего магазина");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        Map<String, Object> outgoing = body(reply);
        assertThat(outgoing).containsEntry("phone_number", "77010000001")
                .containsEntry("message_text", "Отлично! Расскажите, что хотите создать?")
                .containsEntry("reply_to_message_id", "burst-3")
                .containsEntry("kind", "reply")
                .containsEntry("mark_as_read", true)
                .containsEntry("outbox_id", ReplyFactory.outboxId("burst-3", "reply"))
                .containsKey("created_at");
        assertThat(reply.getMessageProperties().<String>getHeader("correlation_id")).isEqualTo("burst-3");
        awaitHandled("burst-3");

        List<LoggedRequest> sales = GEMINI.findAll(salesRequests());
        assertThat(sales).hasSize(1);
        assertThat(promptText(sales.get(0))).contains("Здравствуйте", "интересует курс по созданию сайтов", "для своего магазина");
        assertThat(receiveOutgoing(500)).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE role = 'user' AND reply_id = ?",
                Integer.class, ReplyFactory.outboxId("burst-3", "reply"))).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT intent FROM messages WHERE message_id = 'burst-3'", String.class)).isEqualTo("other");
    }

    @Test
    void theApiKeyTravelsInTheHeaderAndNeverInTheUrl() {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");

        publishIncoming("key-1", "77010000009", "Хочу научиться делать сайты");

        assertThat(receiveOutgoing(15_000)).isNotNull();
        GEMINI.verify(2, postRequestedFor(urlPathMatching(GENERATE)).withHeader("x-goog-api-key", equalTo("test-key")));
        assertThat(GEMINI.findAll(postRequestedFor(urlPathMatching(GENERATE)))).allSatisfy(request ->
                assertThat(request.getUrl()).doesNotContain("test-key"));
    }

    @Test
    void theSameIncomingMessageDeliveredTwiceGetsOneReply() {
        stubModerator(true);
        stubSales("Подскажите, какой у вас опыт?", "other");

        publishIncoming("twice-1", "77010000002", "Сколько длится курс?");
        assertThat(receiveOutgoing(15_000)).isNotNull();
        publishIncoming("twice-1", "77010000002", "Сколько длится курс?");

        awaitNoTurnPending();
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(1, salesRequests());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE message_id = 'twice-1'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aNonClientGetsNoReplyAndTheVerdictIsStored() {
        stubModerator(false);
        stubSales("не должно уйти", "other");

        publishIncoming("spam-1", "77010000003", "Заработок 300 тысяч в месяц на крипте, пиши в личку");

        awaitHandled("spam-1");
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(0, salesRequests());
        Map<String, Object> contact = jdbc.queryForMap(
                "SELECT is_client, classification_confidence, classification_reason FROM contacts WHERE phone_number = '77010000003'");
        assertThat(contact.get("is_client")).isEqualTo(false);
        assertThat(contact.get("classification_reason")).isEqualTo("Тестовое решение модератора.");
        assertThat(((Number) contact.get("classification_confidence")).doubleValue()).isEqualTo(0.9);
    }

    @Test
    void aContactTheModeratorCannotPlaceGetsTheInvitingReply() {
        stubModerator(null);

        publishIncoming("hello-1", "77010000004", "Привет");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat((String) body(reply).get("message_text")).startsWith("Здравствуйте!");
        awaitHandled("hello-1");
        GEMINI.verify(0, salesRequests());
        assertThat(jdbc.queryForObject("SELECT is_client FROM contacts WHERE phone_number = '77010000004'", Boolean.class)).isNull();
    }

    @Test
    void aMessageThatIsNotJsonGoesToTheDeadLetterQueueWithItsReason() {
        publishRaw("{not json", "broken-1");

        Message parked = receiveDeadLetter(10_000);
        assertThat(parked).isNotNull();
        assertThat(new String(parked.getBody(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(parked.getMessageProperties().<String>getHeader("dead_letter_reason")).contains("not a valid incoming message JSON");
        assertThat(parked.getMessageProperties().<String>getHeader("dead_letter_route")).isEqualTo("incoming-consume");
        assertThat(parked.getMessageProperties().<String>getHeader("dead_letter_at")).isNotBlank();
        assertThat(parked.getMessageProperties().<String>getHeader("correlation_id")).isEqualTo("broken-1");
    }

    @Test
    void aMessageWithoutPhoneNumberGoesToTheDeadLetterQueue() {
        publishRaw("{\"message_id\":\"no-phone\",\"message_text\":\"hi\",\"timestamp\":\"2025-10-05T14:30:00+05:00\"}", "no-phone");

        Message parked = receiveDeadLetter(10_000);
        assertThat(parked).isNotNull();
        assertThat(parked.getMessageProperties().<String>getHeader("dead_letter_reason")).contains("phone_number");
    }
}
