package kz.aisales.agent.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import kz.aisales.agent.AgentFlowSupport;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Follow-ups protect the number: at most FOLLOW_UPS_PER_DAY touches a day (3 here), never two to one customer on the
 * same day, and never the text of an earlier touch to that customer again. Its own queues and context (its own cap).
 */
@DirtiesContext // a configuration of its own: its context (and connection pool) is closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "follow-up.per-day=3", "camel.main.name=ai-agent-follow-up-budget",
        "queues.incoming=agent-test.budget.incoming_messages",
        "queues.outgoing=agent-test.budget.outgoing_messages", "queues.outgoing-follow-ups=agent-test.budget.outgoing_follow_ups"})
class FollowUpBudgetIT extends AgentFlowSupport {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final ZonedDateTime WEDNESDAY_NOON = ZonedDateTime.of(2027, 1, 13, 12, 0, 0, 0, ALMATY);

    @Autowired
    ProducerTemplate producer;

    @Test
    void atMostTheDailyCapGoesOutAndTheRestWaitsForTheNextDay() {
        stubFollowUp("Напоминаю о курсе: остались вопросы?");
        for (int i = 1; i <= 5; i++) {
            seedSequence("7707000000" + i, WEDNESDAY_NOON.minusHours(1));
        }

        clock.set(WEDNESDAY_NOON);
        producer.sendBody("direct:follow-up-due", null);
        List<Message> today = drain();
        producer.sendBody("direct:follow-up-due", null);

        assertThat(today).as("FOLLOW_UPS_PER_DAY=3").hasSize(3);
        assertThat(drain()).as("the cap holds for the rest of the day").isEmpty();

        clock.set(WEDNESDAY_NOON.plusDays(1));
        producer.sendBody("direct:follow-up-due", null);
        List<Message> tomorrow = drain();
        assertThat(tomorrow).hasSize(2);
        List<Object> phones = new ArrayList<>();
        today.forEach(touch -> phones.add(body(touch).get("phone_number")));
        tomorrow.forEach(touch -> phones.add(body(touch).get("phone_number")));
        assertThat(phones).as("each customer once").doesNotHaveDuplicates().hasSize(5);
        System.out.printf("FOLLOW-UP BUDGET: 5 due, cap 3 a day: %d sent on day 1, %d on day 2%n", today.size(), tomorrow.size());
    }

    @Test
    void aCustomerWhoGotATouchTodayGetsNoOtherTodayAndATouchNeverRepeatsAnEarlierOne() {
        stubFollowUp("Напоминаю о курсе: остались вопросы?");
        long touchedToday = seedSequence("77070000011", WEDNESDAY_NOON.minusHours(1));
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at)"
                + " SELECT contact_id, 'earlier-touch-today', 'assistant', 'Как дела с выбором курса?', 'follow_up', ? FROM follow_ups WHERE id = ?",
                WEDNESDAY_NOON.minusHours(2).toOffsetDateTime(), touchedToday);
        long repeated = seedSequence("77070000012", WEDNESDAY_NOON.minusHours(1));
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at)"
                + " SELECT contact_id, 'earlier-touch-last-week', 'assistant', 'Напоминаю о курсе — остались вопросы?', 'follow_up', ?"
                + " FROM follow_ups WHERE id = ?", WEDNESDAY_NOON.minusDays(7).toOffsetDateTime(), repeated);

        clock.set(WEDNESDAY_NOON);
        producer.sendBody("direct:follow-up-due", null);

        assertThat(drain()).as("one already touched today, the other would repeat last week's words").isEmpty();
        assertThat(jdbc.queryForObject("SELECT touch_number FROM follow_ups WHERE id = ?", Integer.class, repeated)).isEqualTo(1);
    }

    private List<Message> drain() {
        List<Message> sent = new ArrayList<>();
        for (Message touch = receiveOutgoing(3_000); touch != null; touch = receiveOutgoing(1_500)) {
            sent.add(touch);
        }
        return sent;
    }

    /** A client who wrote, got a reply four days ago, and has touch 1 due. */
    private long seedSequence(String phone, ZonedDateTime due) {
        OffsetDateTime earlier = due.minusDays(4).toOffsetDateTime();
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, last_message_at) VALUES (?, 'Иван', TRUE, ?)", phone, earlier);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, intent, sent_at, handled_at)"
                + " SELECT id, ?, 'user', 'Интересует курс по сайтам', 'other', ?, ? FROM contacts WHERE phone_number = ?",
                "budget-in-" + phone, earlier, earlier, phone);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, kind, sent_at)"
                + " SELECT id, ?, 'assistant', 'Расскажите, что хотите создать?', 'reply', ? FROM contacts WHERE phone_number = ?",
                "budget-out-" + phone, earlier.plusMinutes(1), phone);
        return jdbc.queryForObject("INSERT INTO follow_ups (contact_id, touch_number, status, next_follow_up_at, started_by)"
                + " SELECT id, 1, 'active', ?, ? FROM contacts WHERE phone_number = ? RETURNING id",
                Long.class, due.toOffsetDateTime(), "budget-out-" + phone, phone);
    }
}
