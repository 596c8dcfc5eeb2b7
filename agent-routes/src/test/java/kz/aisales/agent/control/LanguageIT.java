package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import kz.aisales.agent.AgentFlowSupport;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The agent answers in the language the customer writes, stored per contact; follow-ups use it. */
class LanguageIT extends AgentFlowSupport {

    private static final String PHONE = "77090000001";
    private static final String ENGLISH = "Reply only in English";
    private static final String KAZAKH = "қазақ тілінде жауап бер";
    private static final String RUSSIAN = "Отвечай только на русском языке";

    @Autowired
    ProducerTemplate producer;

    @Test
    void anEnglishMessageGetsAnEnglishInstruction() {
        assertThat(salesPromptFor("en-1", "Hello! How much does the Vibe Coding course cost?"))
                .contains(ENGLISH).doesNotContain(KAZAKH, RUSSIAN);
        assertThat(storedLanguage()).isEqualTo("en");
    }

    @Test
    void aKazakhMessageGetsAKazakhInstruction() {
        assertThat(salesPromptFor("kk-1", "Сәлеметсіз бе! Курс қанша тұрады?"))
                .contains(KAZAKH).doesNotContain(ENGLISH);
        assertThat(storedLanguage()).isEqualTo("kk");
    }

    @Test
    void aRussianMessageGetsARussianInstruction() {
        assertThat(salesPromptFor("ru-1", "Здравствуйте, сколько стоит курс?"))
                .contains(RUSSIAN).doesNotContain(ENGLISH, KAZAKH);
        assertThat(storedLanguage()).isEqualTo("ru");
    }

    @Test
    void aFollowUpIsWrittenInTheContactsStoredLanguage() {
        ZonedDateTime due = ZonedDateTime.of(2027, 1, 13, 12, 0, 0, 0, ZoneId.of("Asia/Almaty"));
        OffsetDateTime earlier = due.minusDays(2).toOffsetDateTime();
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, language) VALUES (?, 'John', TRUE, 'en')", PHONE);
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, sent_at, handled_at)"
                + " SELECT id, 'lang-in', 'user', 'I want to build a website', ?, ? FROM contacts", earlier, earlier);
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, status, next_follow_up_at, started_by)"
                + " SELECT id, 2, 'active', ?, 'lang-start' FROM contacts", due.toOffsetDateTime());
        stubFollowUp("John, have you had a chance to think about the course?");
        clock.set(due);

        producer.sendBody("direct:follow-up-due", null);

        assertThat(body(receiveOutgoing(10_000))).containsEntry("kind", "follow_up");
        assertThat(GEMINI.findAll(followUpRequests())).singleElement()
                .satisfies(request -> assertThat(promptText(request)).contains(ENGLISH).doesNotContain(RUSSIAN));
    }

    private String salesPromptFor(String messageId, String text) {
        stubModerator(true);
        stubSales("…", "other");
        publishIncoming(messageId, PHONE, text);
        assertThat(receiveOutgoing(15_000)).isNotNull();
        awaitHandled(messageId);
        return promptText(GEMINI.findAll(salesRequests()).get(0));
    }

    private String storedLanguage() {
        return jdbc.queryForObject("SELECT language FROM contacts WHERE phone_number = ?", String.class, PHONE);
    }
}
