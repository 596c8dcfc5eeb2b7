package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.operations.AgentMetrics;
import kz.aisales.agent.prompts.PromptTemplates;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up sequence end to end on a moved clock: conversation turns start, stop and continue it; the
 * tick ({@code direct:follow-up-due}, which the Quartz trigger calls) sends due touches through
 * {@code outgoing_messages}.
 */
class FollowUpSequenceIT extends AgentFlowSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String PHONE = "77070000001";

    @Autowired
    PromptTemplates promptTemplates;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    MeterRegistry meters;

    @Test
    void oneContactIsWalkedThroughAllFiveTouchesInsideWorkingHours() {
        double[] touchesBefore = new double[5];
        for (int touch = 1; touch <= 5; touch++) {
            touchesBefore[touch - 1] = meters.get(AgentMetrics.FOLLOW_UPS_SENT).tag("touch", String.valueOf(touch)).counter().count();
        }
        stubModerator(true);
        stubSales("Отлично! Для какого магазина нужен сайт?", "other");
        ZonedDateTime replyAt = local(2026, 12, 25, 22, 30);
        clock.set(replyAt);
        publishIncoming("walk-1", PHONE, "Хочу сделать сайт для своего магазина", replyAt.toOffsetDateTime());
        assertThat(body(receiveOutgoing(15_000))).containsEntry("kind", "reply");
        awaitHandled("walk-1");
        long followUp = activeFollowUpId(PHONE);

        List<Integer> intervals = List.of(24, 72, 168, 336, 720);
        List<ZonedDateTime> expectedDue = List.of(
                local(2026, 12, 28, 10, 0),  // Saturday 26 Dec 22:30 -> Monday morning
                local(2026, 12, 31, 10, 0),
                local(2027, 1, 8, 10, 0),    // Thursday 7 Jan, Orthodox Christmas -> Friday morning
                local(2027, 1, 22, 10, 0),
                local(2027, 2, 22, 10, 0));  // Sunday 21 Feb -> Monday morning
        ZonedDateTime lastBotMessage = replyAt;
        for (int touch = 1; touch <= 5; touch++) {
            ZonedDateTime due = expectedDue.get(touch - 1);
            assertThat(dueOf(followUp)).as("touch %d due", touch).isEqualTo(due.toInstant());
            ZonedDateTime raw = lastBotMessage.plusHours(intervals.get(touch - 1));
            for (ZonedDateTime early : raw.isBefore(due) ? List.of(raw, due.minusMinutes(5)) : List.of(due.minusMinutes(5))) {
                clock.set(early);
                tick();
                assertThat(receiveOutgoing(200)).as("touch %d at %s", touch, early).isNull();
            }

            // each touch in its own words: a touch repeating an earlier one is not sent (FollowUpBudgetIT)
            String text = "Иван, удалось подумать о сайте для магазина? (" + touch + ")";
            stubFollowUp(text);
            clock.set(due);
            tick();

            Map<String, Object> sent = body(receiveOutgoing(10_000));
            assertThat(sent).containsEntry("kind", "follow_up").containsEntry("phone_number", PHONE)
                    .containsEntry("outbox_id", new DueTouch(followUp, 0, PHONE, touch, null, null).outboxId())
                    .containsEntry("message_text", text);
            assertThat(OffsetDateTime.parse((String) sent.get("created_at")).toInstant()).isEqualTo(due.toInstant());
            System.out.printf("FOLLOW-UP touch %d | last bot message %s | raw due %s | due %s%n", touch,
                    lastBotMessage.toLocalDateTime(), raw.toLocalDateTime(), due.toLocalDateTime());
            lastBotMessage = due;
        }

        Map<String, Object> done = jdbc.queryForMap("SELECT status, stop_reason, next_follow_up_at FROM follow_ups WHERE id = ?", followUp);
        assertThat(done).containsEntry("status", "completed").containsEntry("stop_reason", "completed_5_touches")
                .containsEntry("next_follow_up_at", null);
        for (int touch = 1; touch <= 5; touch++) {
            assertThat(meters.get(AgentMetrics.FOLLOW_UPS_SENT).tag("touch", String.valueOf(touch)).counter().count())
                    .as("follow-ups sent, touch %d", touch).isGreaterThanOrEqualTo(touchesBefore[touch - 1] + 1);
        }
        List<String> prompts = GEMINI.findAll(followUpRequests()).stream().map(AgentFlowSupport::promptText).toList();
        Map<String, String> texts = promptTemplates.texts(FollowUpPrompt.TEXTS);
        assertThat(prompts).hasSize(5);
        for (int touch = 1; touch <= 5; touch++) {
            assertThat(prompts.get(touch - 1)).contains("касание номер " + touch, texts.get("touch_" + touch));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages WHERE kind = 'follow_up'", Integer.class)).isEqualTo(5);
        clock.set(local(2027, 3, 1, 12, 0));
        tick();
        assertThat(receiveOutgoing(200)).isNull();
    }

    @Test
    void aTouchGoesToTheFollowUpQueueAndAReplyToTheReplyQueue() {
        seedSequence(PHONE, 2, local(2027, 1, 13, 11, 0));
        stubFollowUp("Иван, удалось подумать о сайте?");
        clock.set(local(2027, 1, 13, 12, 0));

        tick();

        assertThat(body(rabbit.receive(queues.outgoingFollowUps(), 10_000))).containsEntry("kind", "follow_up");
        assertThat(rabbit.receive(queues.outgoing(), 200)).isNull();
        stubSales("Отлично! Что хотите создать первым?", "other");
        publishIncoming("queue-1", PHONE, "Да, интересно", local(2027, 1, 13, 12, 0).toOffsetDateTime());
        assertThat(body(rabbit.receive(queues.outgoing(), 15_000))).containsEntry("kind", "reply");
    }

    @Test
    void aReplyStopsTheSequenceAndTheNextBotReplyStartsANewOne() {
        long old = seedSequence(PHONE, 2, local(2027, 1, 15, 11, 0));
        stubSales("Конечно! В курсе 24 практических урока. Что хотите создать первым?", "other");
        clock.set(local(2027, 1, 13, 12, 0));

        publishIncoming("stop-1", PHONE, "А что входит в курс?", local(2027, 1, 13, 12, 0).toOffsetDateTime());
        awaitHandled("stop-1");

        assertThat(jdbc.queryForMap("SELECT status, stop_reason FROM follow_ups WHERE id = ?", old))
                .containsEntry("status", "stopped").containsEntry("stop_reason", "client_responded");
        long fresh = activeFollowUpId(PHONE);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(jdbc.queryForObject("SELECT touch_number FROM follow_ups WHERE id = ?", Integer.class, fresh)).isEqualTo(1);
        assertThat(dueOf(fresh)).isEqualTo(local(2027, 1, 14, 12, 0).toInstant());
    }

    @Test
    void anUncertainReplyKeepsTheSequenceGoingFromTheBotsAnswer() {
        long followUp = seedSequence(PHONE, 2, local(2027, 1, 15, 11, 0));
        stubSales("Конечно, подумайте! Что для вас сейчас главное в выборе?", "uncertain");
        clock.set(local(2027, 1, 13, 12, 0));

        publishIncoming("maybe-1", PHONE, "подумаю", local(2027, 1, 13, 12, 0).toOffsetDateTime());
        awaitHandled("maybe-1");

        assertThat(jdbc.queryForMap("SELECT status, touch_number FROM follow_ups WHERE id = ?", followUp))
                .containsEntry("status", "active").containsEntry("touch_number", 2);
        assertThat(dueOf(followUp)).isEqualTo(local(2027, 1, 18, 10, 0).toInstant());
    }

    @Test
    void aClearNoStopsFollowUpsForGood() {
        long followUp = seedSequence(PHONE, 3, local(2027, 1, 15, 11, 0));
        stubSales("Поняла, спасибо за ответ! Если передумаете, пишите.", "no");
        clock.set(local(2027, 1, 13, 12, 0));
        publishIncoming("no-1", PHONE, "нет", local(2027, 1, 13, 12, 0).toOffsetDateTime());
        awaitHandled("no-1");

        stubSales("Курс стоит 200 000 ₸. Что вам интереснее?", "other");
        clock.set(local(2027, 1, 20, 12, 0));
        publishIncoming("no-2", PHONE, "А сколько вообще стоит?", local(2027, 1, 20, 12, 0).toOffsetDateTime());
        awaitHandled("no-2");

        assertThat(jdbc.queryForMap("SELECT status, stop_reason FROM follow_ups WHERE id = ?", followUp))
                .containsEntry("status", "stopped").containsEntry("stop_reason", "client_said_no");
        assertThat(activeFollowUps(PHONE)).isZero();
    }

    @Test
    void aClearYesStopsTheSequence() {
        long followUp = seedSequence(PHONE, 2, local(2027, 1, 15, 11, 0));
        stubSales("Отлично! Вот ссылка на оплату через Kaspi. Пришлёте чек?", "yes");
        clock.set(local(2027, 1, 13, 12, 0));

        publishIncoming("yes-1", PHONE, "Да, беру пакет", local(2027, 1, 13, 12, 0).toOffsetDateTime());
        awaitHandled("yes-1");

        assertThat(jdbc.queryForMap("SELECT status, stop_reason FROM follow_ups WHERE id = ?", followUp))
                .containsEntry("status", "stopped").containsEntry("stop_reason", "client_said_yes");
        assertThat(activeFollowUps(PHONE)).isZero();
    }

    @Test
    void whenGeminiIsDownKeywordRulesStopTheSequenceOnANo() {
        long followUp = seedSequence(PHONE, 2, local(2027, 1, 15, 11, 0));
        GEMINI.stubFor(salesCall().willReturn(error(500, "{\"error\": {\"code\": 500, \"status\": \"INTERNAL\"}}")));
        clock.set(local(2027, 1, 13, 12, 0));

        publishIncoming("down-1", PHONE, "Нет, спасибо, не надо", local(2027, 1, 13, 12, 0).toOffsetDateTime());

        assertThat(body(receiveOutgoing(15_000))).containsEntry("kind", "reply");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "client_said_no".equals(jdbc.queryForObject("SELECT stop_reason FROM follow_ups WHERE id = ?", String.class, followUp)));
        assertThat(activeFollowUps(PHONE)).isZero();
    }

    @Test
    void aContactFlaggedForAHumanGetsNoFollowUps() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, needs_human) VALUES (?, 'Иван', TRUE, TRUE)", PHONE);
        stubSales("Сейчас уточню у менеджера. Удобно, если он напишет вам сегодня?", "other");

        publishIncoming("human-1", PHONE, "Хочу рассрочку на 24 месяца");
        awaitHandled("human-1");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_ups", Integer.class)).isZero();
    }

    @Test
    void aNonClientGetsNoFollowUps() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Спам', FALSE)", PHONE);

        publishIncoming("spam-1", PHONE, "Заработок на крипте, пиши в личку");
        awaitHandled("spam-1");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM follow_ups", Integer.class)).isZero();
    }

    @Test
    void twoConcurrentTicksSendADueTouchOnce() throws Exception {
        long followUp = seedSequence(PHONE, 2, local(2027, 1, 13, 11, 0));
        GEMINI.stubFor(followUpCall().willReturn(answer(Map.of("reply", "Иван, напомню о курсе. Актуально?")).withFixedDelay(1000)));
        clock.set(local(2027, 1, 13, 12, 0));
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tickWhen(together));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tickWhen(together));
        CompletableFuture.allOf(first, second).get();

        assertThat(body(receiveOutgoing(5_000))).containsEntry("kind", "follow_up")
                .containsEntry("outbox_id", new DueTouch(followUp, 0, PHONE, 2, null, null).outboxId());
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(1, followUpRequests());
        assertThat(jdbc.queryForMap("SELECT touch_number, claimed_by FROM follow_ups WHERE id = ?", followUp))
                .containsEntry("touch_number", 3).containsEntry("claimed_by", null);
    }

    @Test
    void aTouchClaimedByACrashedReplicaIsSentOnceItsClaimLapses() {
        long followUp = seedSequence(PHONE, 4, local(2027, 1, 13, 11, 0));
        stubFollowUp("Иван, это последнее напоминание о курсе. Вам ещё интересно?");
        jdbc.update("UPDATE follow_ups SET claimed_by = 'crashed-replica', claimed_until = ? WHERE id = ?",
                local(2027, 1, 13, 12, 10).toOffsetDateTime(), followUp);

        clock.set(local(2027, 1, 13, 12, 0));
        tick();
        assertThat(receiveOutgoing(200)).isNull();

        clock.set(local(2027, 1, 13, 12, 15));
        tick();
        assertThat(body(receiveOutgoing(5_000))).containsEntry("outbox_id", new DueTouch(followUp, 0, PHONE, 4, null, null).outboxId());
    }

    // ---- helpers

    private void tick() {
        producer.sendBody("direct:follow-up-due", null);
    }

    private void tickWhen(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        tick();
    }

    /** A client who wrote, got a reply, and has a sequence waiting at this touch. */
    private long seedSequence(String phone, int touch, ZonedDateTime due) {
        OffsetDateTime earlier = due.minusDays(4).toOffsetDateTime();
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, last_message_at) VALUES (?, 'Иван', TRUE, ?)", phone, earlier);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, intent, sent_at, handled_at)"
                + " SELECT id, ?, 'user', 'Интересует курс по сайтам', 'other', ?, ? FROM contacts WHERE phone_number = ?",
                "seed-in-" + phone, earlier, earlier, phone);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at)"
                + " SELECT id, ?, 'assistant', 'Расскажите, что хотите создать?', 'reply', ? FROM contacts WHERE phone_number = ?",
                "seed-out-" + phone, earlier.plusMinutes(1), phone);
        return jdbc.queryForObject("INSERT INTO follow_ups (contact_id, touch_number, status, next_follow_up_at, started_by)"
                + " SELECT id, ?, 'active', ?, ? FROM contacts WHERE phone_number = ? RETURNING id",
                Long.class, touch, due.toOffsetDateTime(), "seed-out-" + phone, phone);
    }

    private long activeFollowUpId(String phone) {
        return jdbc.queryForObject("SELECT f.id FROM follow_ups f JOIN contacts c ON c.id = f.contact_id"
                + " WHERE c.phone_number = ? AND f.status = 'active'", Long.class, phone);
    }

    private int activeFollowUps(String phone) {
        return jdbc.queryForObject("SELECT count(*) FROM follow_ups f JOIN contacts c ON c.id = f.contact_id"
                + " WHERE c.phone_number = ? AND f.status = 'active'", Integer.class, phone);
    }

    private Instant dueOf(long followUp) {
        return jdbc.queryForObject("SELECT next_follow_up_at FROM follow_ups WHERE id = ?", OffsetDateTime.class, followUp).toInstant();
    }

    private static ZonedDateTime local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY);
    }
}
