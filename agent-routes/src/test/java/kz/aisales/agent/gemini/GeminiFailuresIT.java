package kz.aisales.agent.gemini;

import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.BusinessProperties;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

class GeminiFailuresIT extends AgentFlowSupport {

    private static final String OVERLOADED = "{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}";

    @Autowired
    BusinessProperties business;

    @Test
    void threeOverloadedAnswersThenSuccessGiveOneReply() {
        stubModerator(true);
        for (int attempt = 0; attempt < 3; attempt++) {
            GEMINI.stubFor(salesCall().inScenario("overloaded").whenScenarioStateIs(attempt == 0 ? STARTED : "failed-" + attempt)
                    .willSetStateTo("failed-" + (attempt + 1)).willReturn(error(503, OVERLOADED)));
        }
        GEMINI.stubFor(salesCall().inScenario("overloaded").whenScenarioStateIs("failed-3")
                .willReturn(answer(salesAnswer("Какой сайт хотите сделать?", "other", false, null))));

        publishIncoming("retry-1", "77020000001", "Хочу сайт");

        Message reply = receiveOutgoing(20_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Какой сайт хотите сделать?");
        GEMINI.verify(4, salesRequests());
        assertThat(receiveOutgoing(500)).isNull();
    }

    @Test
    void aPerMinuteQuotaWaitsTheRetryDelayGeminiAsksFor() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().inScenario("quota").whenScenarioStateIs(STARTED).willSetStateTo("waited")
                .willReturn(error(429, quota("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "2s"))));
        GEMINI.stubFor(salesCall().inScenario("quota").whenScenarioStateIs("waited")
                .willReturn(answer(salesAnswer("Отлично, расскажите подробнее?", "other", false, null))));

        publishIncoming("quota-1", "77020000002", "Интересует курс");

        assertThat(receiveOutgoing(20_000)).isNotNull();
        List<LoggedRequest> attempts = GEMINI.findAll(salesRequests());
        assertThat(attempts).hasSize(2);
        long waited = attempts.get(1).getLoggedDate().getTime() - attempts.get(0).getLoggedDate().getTime();
        assertThat(Duration.ofMillis(waited)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
    }

    @Test
    void aDailyQuotaIsNotRetriedAndTheFallbackIsSent() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().willReturn(error(429, quota("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "20s"))));

        publishIncoming("daily-1", "77020000003", "Сколько стоит?");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", business.fallbackReply());
        GEMINI.verify(1, salesRequests());
    }

    @Test
    void aBlockedAnswerSendsTheFallbackFlagsTheContactAndParksTheTurnForReplay() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().willReturn(aBlockedAnswer()));

        publishIncoming("blocked-1", "77020000004", "Что-то недопустимое");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", business.fallbackReply())
                .containsEntry("outbox_id", kz.aisales.agent.conversation.ReplyFactory.outboxId("blocked-1", "fallback"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT needs_human FROM contacts WHERE phone_number = '77020000004'", Boolean.class));
        assertThat(jdbc.queryForObject("SELECT needs_human FROM contacts WHERE phone_number = '77020000004'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT handled_at IS NULL FROM messages WHERE message_id = 'blocked-1'", Boolean.class))
                .as("the customer's message stays open for a replay").isTrue();

        Message parked = receiveDeadLetter(5_000);
        assertThat(parked).isNotNull();
        assertThat(body(parked)).containsEntry("message_id", "blocked-1");
        assertThat(parked.getMessageProperties().<String>getHeader("dead_letter_reason")).contains("SAFETY").doesNotContain("test-key");
        assertThat(parked.getMessageProperties().<String>getHeader("correlation_id")).isEqualTo("blocked-1");
    }

    @Test
    void aReplayedTurnAnswersTheMessageOnceGeminiIsBack() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().willReturn(aBlockedAnswer()));
        publishIncoming("replay-1", "77020000005", "Хочу купить курс");
        assertThat(receiveOutgoing(15_000)).isNotNull();
        Message parked = receiveDeadLetter(5_000);
        assertThat(parked).isNotNull();

        stubSales("Курс стоит 200 000 ₸, вот ссылка на оплату. Пришлёте чек?", "yes");
        publishRaw(new String(parked.getBody(), java.nio.charset.StandardCharsets.UTF_8), "replay-1");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("outbox_id", kz.aisales.agent.conversation.ReplyFactory.outboxId("replay-1", "reply"))
                .containsEntry("message_text", "Курс стоит 200 000 ₸, вот ссылка на оплату. Пришлёте чек?");
        awaitHandled("replay-1");
        assertThat(jdbc.queryForObject("SELECT intent FROM messages WHERE message_id = 'replay-1'", String.class)).isEqualTo("yes");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder aBlockedAnswer() {
        return com.github.tomakehurst.wiremock.client.WireMock.okJson(write(Map.of("candidates", List.of(Map.of(
                "content", Map.of("role", "model", "parts", List.of()), "finishReason", "SAFETY", "index", 0)))));
    }

    private static String quota(String quotaId, String retryDelay) {
        return write(Map.of("error", Map.of("code", 429, "message", "You exceeded your current quota", "status", "RESOURCE_EXHAUSTED",
                "details", List.of(
                        Map.of("@type", "type.googleapis.com/google.rpc.QuotaFailure", "violations", List.of(Map.of("quotaId", quotaId))),
                        Map.of("@type", "type.googleapis.com/google.rpc.RetryInfo", "retryDelay", retryDelay)))));
    }
}
