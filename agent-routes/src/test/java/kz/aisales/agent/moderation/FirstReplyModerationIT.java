package kz.aisales.agent.moderation;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.BusinessProperties;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The default {@code MODERATION_MODE=combined}: a contact not classified yet is judged by its first sales call, which
 * returns the verdict with the reply, so a new contact costs one model call; the verdict is stored with its reasoning,
 * a non-client's reply is never sent, and the reply of a call with no verdict yet is the greeting.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moderation.mode=combined", "follow-up.enabled=false", "camel.main.name=ai-agent-first-reply",
        "queues.incoming=agent-test.first-reply.incoming_messages",
        "queues.outgoing=agent-test.first-reply.outgoing_messages",
        "queues.outgoing-follow-ups=agent-test.first-reply.outgoing_follow_ups"})
class FirstReplyModerationIT extends AgentFlowSupport {

    @Autowired
    BusinessProperties business;

    @Test
    void aNewClientIsJudgedAndAnsweredByOneModelCall() throws Exception {
        GEMINI.stubFor(judgingSalesCall().willReturn(answer(judged("Курс стоит 200 000 ₸. Что хотите создать первым?",
                true, "Спрашивает о цене курса."))));
        GEMINI.stubFor(plainSalesCall().willReturn(answer(salesAnswer("Отлично, с чего начнём?", "other", false, null))));

        publishIncoming("first-1", "77040000001", "Сколько стоит курс по сайтам?");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Курс стоит 200 000 ₸. Что хотите создать первым?");
        awaitHandled("first-1");
        List<LoggedRequest> calls = GEMINI.findAll(postRequestedFor(urlPathMatching(GENERATE)));
        assertThat(calls).as("one model call for the new contact").hasSize(1);
        JsonNode request = JSON.readTree(calls.get(0).getBodyAsString());
        assertThat(request.at("/generationConfig/responseJsonSchema/required").toString()).contains("\"verdict\"", "\"reply\"");
        assertThat(promptText(calls.get(0))).as("the moderator's rules reach the sales call")
                .contains("спам и реклама", "Сколько стоит курс по сайтам?");
        Map<String, Object> contact = jdbc.queryForMap(
                "SELECT is_client, classification_confidence, classification_reason FROM contacts WHERE phone_number = '77040000001'");
        assertThat(contact.get("is_client")).isEqualTo(true);
        assertThat(contact.get("classification_reason")).isEqualTo("Спрашивает о цене курса.");
        assertThat(((Number) contact.get("classification_confidence")).doubleValue()).isEqualTo(0.8);

        publishIncoming("first-2", "77040000001", "Хочу интернет-магазин");

        reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Отлично, с чего начнём?");
        assertThat(GEMINI.findAll(postRequestedFor(urlPathMatching(GENERATE)))).as("a client is not judged again").hasSize(2);
        GEMINI.verify(1, postRequestedFor(urlPathMatching(GENERATE)).withRequestBody(
                matchingJsonPath("$.generationConfig.responseJsonSchema.properties.verdict", absent())));
        GEMINI.verify(0, moderatorRequests());
    }

    @Test
    void aNonClientsReplyIsDiscardedAndTheVerdictStored() {
        GEMINI.stubFor(judgingSalesCall().willReturn(answer(judged("не должно уйти", false, "Реклама криптовалюты."))));

        publishIncoming("first-spam", "77040000002", "Заработок 300 тысяч в месяц на крипте, пиши в личку");

        awaitHandled("first-spam");
        awaitNoTurnPending();
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(1, postRequestedFor(urlPathMatching(GENERATE)));
        Map<String, Object> contact = jdbc.queryForMap(
                "SELECT is_client, classification_reason FROM contacts WHERE phone_number = '77040000002'");
        assertThat(contact.get("is_client")).isEqualTo(false);
        assertThat(contact.get("classification_reason")).isEqualTo("Реклама криптовалюты.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE role = 'assistant' AND contact_id = "
                + "(SELECT id FROM contacts WHERE phone_number = '77040000002') AND message_text LIKE '%не должно уйти%'", Integer.class))
                .as("the discarded reply is not in the conversation either").isZero();
    }

    @Test
    void aContactWithNothingToGoOnIsGreetedWithTheReplyAndJudgedAgainNextTurn() {
        GEMINI.stubFor(judgingSalesCall().willReturn(answer(judged("Добрый день! Что вы хотели бы создать: сайт или контент?",
                null, "Только приветствие."))));

        publishIncoming("first-hello", "77040000003", "Салем");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Добрый день! Что вы хотели бы создать: сайт или контент?");
        awaitHandled("first-hello");
        assertThat(jdbc.queryForObject("SELECT is_client FROM contacts WHERE phone_number = '77040000003'", Boolean.class)).isNull();

        publishIncoming("first-hello-2", "77040000003", "Просто смотрю");

        assertThat(receiveOutgoing(15_000)).isNotNull();
        GEMINI.verify(2, postRequestedFor(urlPathMatching(GENERATE)).withRequestBody(
                matchingJsonPath("$.generationConfig.responseJsonSchema.properties.verdict")));
    }

    @Test
    void anAnswerWithoutTheVerdictGetsTheFallbackAndLeavesTheContactUnclassified() {
        GEMINI.stubFor(judgingSalesCall().willReturn(answer(salesAnswer("Ответ без решения", "other", false, null))));

        publishIncoming("first-noverdict", "77040000004", "Здравствуйте, расскажите о курсе");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", business.fallbackReply());
        assertThat(receiveDeadLetter(5_000)).as("the turn is parked for a replay").isNotNull();
        assertThat(jdbc.queryForObject("SELECT is_client FROM contacts WHERE phone_number = '77040000004'", Boolean.class)).isNull();
    }

    private static MappingBuilder judgingSalesCall() {
        return post(urlPathMatching(GENERATE))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.verdict"));
    }

    private static MappingBuilder plainSalesCall() {
        return post(urlPathMatching(GENERATE))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.intent"))
                .withRequestBody(matchingJsonPath("$.generationConfig.responseJsonSchema.properties.verdict", absent()));
    }

    private static Map<String, Object> judged(String reply, Boolean isClient, String reasoning) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("isClient", isClient);
        verdict.put("confidence", 0.8);
        verdict.put("reasoning", reasoning);
        Map<String, Object> answer = new LinkedHashMap<>(salesAnswer(reply, "other", false, null));
        answer.put("verdict", verdict);
        return answer;
    }
}
