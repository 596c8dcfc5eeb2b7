package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.ControlProperties;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer who asks to stop gets one confirmation and nothing else by any path, until they ask to continue. */
class OptOutIT extends AgentFlowSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String PHONE = "77060000001";

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ControlProperties control;

    @Test
    void stopGetsOneConfirmationAndThenNoFollowUpEvenSixtyDaysLater() {
        ZonedDateTime start = local(2027, 1, 13, 12, 0);
        clock.set(start);
        stubModerator(true);
        stubSales("Отлично! Для чего вам сайт?", "other");
        stubFollowUp("Иван, напомню о курсе: удалось подумать?");
        publishIncoming("stop-1", PHONE, "Хочу сделать сайт", start.toOffsetDateTime());
        assertThat(body(receiveOutgoing(15_000))).containsEntry("reply_to_message_id", "stop-1");
        awaitHandled("stop-1");
        assertThat(activeFollowUps()).isEqualTo(1);

        clock.set(start.plusMinutes(30));
        publishIncoming("stop-2", PHONE, "Стоп!", start.plusMinutes(30).toOffsetDateTime());

        Map<String, Object> confirmation = body(receiveOutgoing(15_000));
        assertThat(confirmation).containsEntry("message_text", control.optOutReplyRu()).containsEntry("consent", "opted_out")
                .containsEntry("reply_to_message_id", "stop-2").containsEntry("kind", "reply");
        awaitHandled("stop-2");
        GEMINI.verify(1, salesRequests());
        assertThat(jdbc.queryForObject("SELECT opted_out FROM contacts WHERE phone_number = ?", Boolean.class, PHONE)).isTrue();
        assertThat(jdbc.queryForMap("SELECT status, stop_reason FROM follow_ups"))
                .containsEntry("status", "stopped").containsEntry("stop_reason", "opted_out");

        // even if the stopped sequence came back to life, no tick sends it: not the next day, not 60 days later
        jdbc.update("UPDATE follow_ups SET status = 'active', stop_reason = NULL, next_follow_up_at = ?",
                start.plusDays(1).toOffsetDateTime());
        for (ZonedDateTime later : List.of(start.plusDays(1), local(2027, 3, 15, 12, 0))) {
            clock.set(later);
            producer.sendBody("direct:follow-up-due", null);
            assertThat(receiveOutgoing(500)).as("follow-up at %s", later).isNull();
        }
        GEMINI.verify(0, followUpRequests());

        publishIncoming("stop-3", PHONE, "А сколько стоит курс?", local(2027, 3, 15, 12, 0).toOffsetDateTime());
        awaitHandled("stop-3");
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(1, salesRequests());
    }

    @Test
    void aSecondStopGetsNoSecondConfirmation() {
        optedOutClient();

        publishIncoming("again-1", PHONE, "стоп");
        awaitHandled("again-1");

        assertThat(receiveOutgoing(500)).isNull();
    }

    @Test
    void theSalesAgentsOptOutIntentOptsTheCustomerOutWithTheConfirmation() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Иван', TRUE)", PHONE);
        stubSales("Хорошо, поняла вас!", "opt_out");

        publishIncoming("intent-1", PHONE, "Удалите мой номер из своей базы, мне это не нужно");

        assertThat(body(receiveOutgoing(15_000))).containsEntry("message_text", control.optOutReplyRu())
                .containsEntry("consent", "opted_out");
        awaitHandled("intent-1");
        assertThat(jdbc.queryForObject("SELECT opted_out FROM contacts WHERE phone_number = ?", Boolean.class, PHONE)).isTrue();
    }

    @Test
    void aKazakhStopIsConfirmedInKazakh() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Айгерим', TRUE)", PHONE);

        publishIncoming("kk-stop-1", PHONE, "Маған енді жазбаңыз");

        assertThat(body(receiveOutgoing(15_000))).containsEntry("message_text", control.optOutReplyKk())
                .containsEntry("consent", "opted_out");
        GEMINI.verify(0, salesRequests());
    }

    @Test
    void aCustomerWhoOptedOutAndAsksToContinueIsAnsweredAgain() {
        optedOutClient();
        stubSales("С возвращением! Что хотите создать первым?", "other");

        publishIncoming("back-1", PHONE, "Можете писать снова, хочу продолжить");

        assertThat(body(receiveOutgoing(15_000))).containsEntry("message_text", "С возвращением! Что хотите создать первым?")
                .containsEntry("consent", "opted_in");
        awaitHandled("back-1");
        assertThat(jdbc.queryForObject("SELECT opted_out FROM contacts WHERE phone_number = ?", Boolean.class, PHONE)).isFalse();
    }

    private void optedOutClient() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, opted_out, language) VALUES (?, 'Иван', TRUE, TRUE, 'ru')",
                PHONE);
    }

    private int activeFollowUps() {
        return jdbc.queryForObject("SELECT count(*) FROM follow_ups WHERE status = 'active'", Integer.class);
    }

    private static ZonedDateTime local(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ALMATY);
    }
}
