package kz.aisales.gateway.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Cold budgets: follow-ups to customers who did not write lately stop at the hourly budget while replies go on, and
 * a follow-up whose customer wrote after it was written is not sent.
 */
@TestPropertySource(properties = {"cold-sending.per-hour=2", "cold-sending.per-day=100", "cold-sending.wait-ms=200",
        "queues.incoming=gw-test.cold.incoming_messages", "queues.outgoing=gw-test.cold.outgoing_messages",
        "queues.outgoing-follow-ups=gw-test.cold.outgoing_follow_ups", "queues.voice=gw-test.cold.voice_transcription"})
@DirtiesContext
class ColdBudgetIT extends GatewayTestSupport {

    private static final String SEND = "/api/sync/message/send";

    @Test
    void followUpsToSilentCustomersStopAtTheHourlyBudgetWhileRepliesGoOn() throws Exception {
        stubSend();
        List<String> silent = List.of(phone(), phone(), phone());
        for (String customer : silent) {
            publishFollowUp(touch(customer, OffsetDateTime.now()), "corr-cold-" + customer);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> sends().size() == 2);

        String wrote = phone();
        customerWrote(wrote, OffsetDateTime.now().minusMinutes(1));
        Map<String, Object> reply = touch(wrote, OffsetDateTime.now());
        reply.put("kind", "reply");
        publishOutgoing(reply, "corr-cold-reply");
        await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 3);
        assertThat(recipients()).as("the reply went, the third follow-up waits").contains(wrote);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> sends().size() == 3);

        // an hour later
        jdbc.update("UPDATE message_logs SET created_at = created_at - interval '61 minutes' WHERE direction = 'outgoing'");
        await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 4);
        assertThat(recipients()).containsAll(silent);
    }

    @Test
    void aFollowUpToACustomerWhoWroteLatelyIsNotColdAndOneWhoseCustomerWroteSinceIsNotSent() throws Exception {
        stubSend();
        for (int i = 0; i < 2; i++) {
            publishFollowUp(touch(phone(), OffsetDateTime.now()), "corr-cold-fill-" + i);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> sends().size() == 2);

        String warm = phone();
        customerWrote(warm, OffsetDateTime.now().minusHours(3));
        publishFollowUp(touch(warm, OffsetDateTime.now().minusMinutes(1)), "corr-cold-warm");
        await().atMost(Duration.ofSeconds(10)).until(() -> sends().size() == 3);
        assertThat(recipients()).as("wrote 3 h ago: not cold, the budget does not hold it").contains(warm);

        String movedOn = phone();
        customerWrote(movedOn, OffsetDateTime.now().minusMinutes(1));
        publishFollowUp(touch(movedOn, OffsetDateTime.now().minusMinutes(5)), "corr-cold-moved-on");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message_logs WHERE phone_number = ? AND status = 'superseded'", Integer.class, movedOn) == 1);
        assertThat(recipients()).doesNotContain(movedOn);
    }

    private void customerWrote(String phone, OffsetDateTime at) {
        jdbc.update("INSERT INTO message_logs (message_id, phone_number, direction, message_type, message_text, status, created_at)"
                + " VALUES (?, ?, 'incoming', 'chat', 'Здравствуйте', 'forwarded', ?)", "W" + UUID.randomUUID(), phone, at);
    }

    private static void stubSend() {
        STUBS.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0C\",\"task_id\":\"t\"}")));
    }

    private static List<String> recipients() {
        return sends().stream().map(request -> {
            try {
                return JSON.readTree(request.getBodyAsString()).path("recipient").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sends() {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo(SEND)));
    }

    private static String phone() {
        return newChat().replace("@c.us", "");
    }

    private static Map<String, Object> touch(String phone, OffsetDateTime writtenAt) {
        Map<String, Object> message = new HashMap<>();
        message.put("outbox_id", UUID.randomUUID().toString());
        message.put("phone_number", phone);
        message.put("message_text", "Добрый день! Удалось подумать о курсе?");
        message.put("mark_as_read", false);
        message.put("kind", "follow_up");
        message.put("created_at", writtenAt.toString());
        return message;
    }
}
