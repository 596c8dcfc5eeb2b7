package kz.aisales.agent.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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
                .containsEntry("quote", false)
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
    void aContactTheModeratorCannotPlaceIsGreetedInTheModeratorsWordsFromTheSameCall() {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("isClient", null);
        verdict.put("confidence", 0.3);
        verdict.put("reasoning", "Только приветствие.");
        verdict.put("greeting", "Добрый день, Айдана! Расскажите, что вы хотели бы создать: сайт, приложение или контент?");
        GEMINI.stubFor(moderatorCall().willReturn(answer(verdict)));

        publishIncoming("hello-2", "77010000005", "Салем");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text",
                "Добрый день, Айдана! Расскажите, что вы хотели бы создать: сайт, приложение или контент?");
        GEMINI.verify(1, moderatorRequests());
        GEMINI.verify(0, salesRequests());
    }

    @Test
    void aMessageStoredAfterANewerOneIsAnsweredOnceWithIt() {
        stubModerator(true);
        stubSales("Отвечаю на оба сообщения.", "other");
        OffsetDateTime now = OffsetDateTime.now();
        // consumers store a burst in the order they get to it: here the later-written message is stored first
        publishIncoming("order-2", "77010000092", "второе", now);
        awaitStored("order-2");
        publishIncoming("order-1", "77010000092", "первое", now.minusSeconds(1));

        assertThat(receiveOutgoing(15_000)).isNotNull();
        awaitHandled("order-1");
        awaitHandled("order-2");
        assertThat(jdbc.queryForList("SELECT DISTINCT reply_id FROM messages WHERE message_id IN ('order-1', 'order-2')", String.class))
                .hasSize(1).doesNotContainNull();
        assertThat(receiveOutgoing(2_000)).as("answered once").isNull();
    }

    @Test
    void aReplyWithParagraphsGoesAsBubblesInOrderAndIsStoredWhole() {
        stubModerator(true);
        String text = "Здравствуйте, Данияр!\n\nКурс «AI для бизнеса» стоит 200 000 ₸, оплата через Kaspi.\n\nУдобно созвониться завтра?";
        stubSales(text, "other");

        publishIncoming("bubbles-1", "77010000093", "Сколько стоит курс?");

        List<Map<String, Object>> bubbles = List.of(body(receiveOutgoing(15_000)), body(receiveOutgoing(5_000)),
                body(receiveOutgoing(5_000)));
        assertThat(bubbles).extracting(bubble -> bubble.get("message_text")).containsExactly("Здравствуйте, Данияр!",
                "Курс «AI для бизнеса» стоит 200 000 ₸, оплата через Kaspi.", "Удобно созвониться завтра?");
        String outboxId = (String) bubbles.get(0).get("outbox_id");
        assertThat(bubbles).extracting(bubble -> bubble.get("outbox_id")).containsExactly(outboxId, outboxId + ":2", outboxId + ":3");
        assertThat(bubbles.get(0)).containsEntry("reply_to_message_id", "bubbles-1").containsEntry("mark_as_read", true);
        assertThat(bubbles.get(2)).containsEntry("reply_to_message_id", null).containsEntry("mark_as_read", false);
        assertThat(receiveOutgoing(1_000)).as("three bubbles, no more").isNull();
        awaitHandled("bubbles-1");
        assertThat(jdbc.queryForList("SELECT message_text FROM messages m JOIN contacts c ON c.id = m.contact_id"
                + " WHERE c.phone_number = '77010000093' AND m.role = 'assistant'", String.class)).containsExactly(text);
    }

    private void awaitStored(String messageId) {
        await().atMost(Duration.ofSeconds(5)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM messages WHERE message_id = ?", Integer.class, messageId) == 1);
    }

    @Test
    void aReplyQuotesTheMessageItAnswersOnlyWhenNewerMessagesFollowedIt() {
        stubModerator(true);
        stubSales("Да, курс ещё доступен.", "other");
        Long contact = jdbc.queryForObject("INSERT INTO contacts (phone_number, first_name, is_client) VALUES ('77010000091', 'Ерлан', TRUE)"
                + " ON CONFLICT (phone_number) DO UPDATE SET is_client = TRUE RETURNING id", Long.class);
        // a touch of ours went out after the customer's message, before the turn that answers it
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at)"
                + " VALUES (?, 'touch-after-q1', 'assistant', 'Ерлан, удалось подумать?', 'follow_up', now() - interval '5 minutes')", contact);

        publishIncoming("quote-1", "77010000091", "А курс ещё доступен?", OffsetDateTime.now().minusMinutes(10));

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("reply_to_message_id", "quote-1").containsEntry("quote", true);
    }

    @Test
    void voiceNotesThatCouldNotBeTranscribedGetOneLineAskingToWriteAndNoModelCall() {
        stubModerator(true);
        stubSales("Не должно уйти", "other");
        for (String id : List.of("unheard-1", "unheard-2")) {
            publishRaw("""
                    {"message_id": "%s", "phone_number": "77010000006", "message_text": "", "message_type": "ptt",
                     "is_voice": true, "transcription_status": "failed", "timestamp": "%s"}""".formatted(id, OffsetDateTime.now()), id);
        }

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat((String) body(reply).get("message_text")).startsWith("Извините, не получилось прослушать голосовое сообщение");
        awaitHandled("unheard-2");
        assertThat(receiveOutgoing(2_000)).as("one line for the burst").isNull();
        GEMINI.verify(0, postRequestedFor(urlPathMatching(GENERATE)));
        assertThat(jdbc.queryForMap("SELECT is_voice, transcription_status FROM messages WHERE message_id = 'unheard-1'"))
                .containsEntry("is_voice", true).containsEntry("transcription_status", "failed");
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
