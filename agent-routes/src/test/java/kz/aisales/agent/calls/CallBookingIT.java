package kz.aisales.agent.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

class CallBookingIT extends AgentFlowSupport {

    @Test
    void anAgreedCallInsideWorkingHoursIsStored() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().willReturn(answer(salesAnswer("Договорились, созвонимся в понедельник в 11:00!", "yes", true, "2030-01-07T11:00"))));

        publishIncoming("call-1", "77050000001", "Да, давайте созвонимся в понедельник 7 января в 11");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("message_text", "Договорились, созвонимся в понедельник в 11:00!");
        awaitHandled("call-1");
        OffsetDateTime booked = jdbc.queryForObject("SELECT s.scheduled_at FROM scheduled_calls s JOIN contacts c ON c.id = s.contact_id"
                + " WHERE c.phone_number = '77050000001'", OffsetDateTime.class);
        assertThat(booked.toInstant()).isEqualTo(ZonedDateTime.of(2030, 1, 7, 11, 0, 0, 0, ZoneId.of("Asia/Almaty")).toInstant());
    }

    @Test
    void aCallOnSundayGetsMondayMorningProposedAndNothingIsBooked() {
        stubModerator(true);
        GEMINI.stubFor(salesCall().willReturn(answer(salesAnswer("Созвонимся в воскресенье!", "yes", true, "2030-01-06T12:00"))));

        publishIncoming("call-2", "77050000002", "Давайте созвонимся в воскресенье в 12");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat((String) body(reply).get("message_text")).contains("7 января (понедельник) в 10:00");
        awaitHandled("call-2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_calls", Integer.class)).isZero();
    }
}
