package kz.aisales.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A person at the business takes a chat over from the phone; operators pause and resume the agent per contact. */
class OperatorTakeoverIT extends AgentFlowSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final String PHONE = "77050000001";
    private static final String OTHER = "77050000002";

    @Autowired
    TestRestTemplate http;

    @Test
    void anOperatorMessageFromThePhonePausesTheAgentAndTheCustomersNextMessageGetsNoReply() {
        stubModerator(true);
        stubSales("Курс стоит 200 000 ₸. Что хотите создать?", "other");
        publishIncoming("take-1", PHONE, "Сколько стоит курс?");
        assertThat(body(receiveOutgoing(15_000))).containsEntry("reply_to_message_id", "take-1");
        awaitHandled("take-1");

        publishOperatorMessage("take-op", PHONE, "Здравствуйте, это Анна, менеджер. Давайте я помогу с выбором.");
        await().atMost(Duration.ofSeconds(10)).until(() -> pausedUntil(PHONE) != null);
        publishIncoming("take-2", PHONE, "Да, Анна, помогите, пожалуйста");
        awaitHandled("take-2");

        assertThat(receiveOutgoing(1000)).isNull();
        GEMINI.verify(1, salesRequests());
        assertThat(pausedUntil(PHONE)).isCloseTo(OffsetDateTime.now().plusHours(12), within(1, ChronoUnit.MINUTES));
        assertThat(jdbc.queryForMap("SELECT role, kind, message_text FROM messages WHERE message_id = 'take-op'"))
                .containsEntry("role", "assistant").containsEntry("kind", "operator")
                .containsEntry("message_text", "Здравствуйте, это Анна, менеджер. Давайте я помогу с выбором.");
    }

    @Test
    void resumeRestoresRepliesAndWhatCameDuringThePauseIsNotAnswered() {
        stubModerator(true);
        stubSales("Отлично! Что хотите создать первым?", "other");
        publishOperatorMessage("res-op", PHONE, "Добрый день! Это менеджер школы.");
        await().atMost(Duration.ofSeconds(10)).until(() -> pausedUntil(PHONE) != null);
        publishIncoming("res-1", PHONE, "Здравствуйте, я по поводу курса");
        awaitHandled("res-1");
        assertThat(receiveOutgoing(500)).isNull();

        ResponseEntity<Map<String, Object>> resumed = http.exchange("/contacts/" + PHONE + "/resume", HttpMethod.POST, asOperator(null), MAP);

        assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resumed.getBody()).containsEntry("phone_number", PHONE).containsEntry("paused_until", null);
        publishIncoming("res-2", PHONE, "Хочу научиться делать сайты");
        assertThat(body(receiveOutgoing(15_000))).containsEntry("reply_to_message_id", "res-2")
                .containsEntry("message_text", "Отлично! Что хотите создать первым?");
        awaitHandled("res-2");
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(1, salesRequests());
    }

    @Test
    void anOperatorPausesAContactThroughTheApiAndListsThePausedOnes() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Иван', TRUE), (?, 'Айгерим', TRUE)", PHONE, OTHER);
        stubSales("не должно уйти", "other");

        ResponseEntity<Map<String, Object>> paused = http.exchange("/contacts/" + PHONE + "/pause?hours=2", HttpMethod.POST, asOperator(null), MAP);

        assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pausedUntil(PHONE)).isCloseTo(OffsetDateTime.now().plusHours(2), within(1, ChronoUnit.MINUTES));
        assertThat(contacts("/contacts?paused=true"))
                .singleElement().satisfies(contact -> assertThat(contact).containsEntry("phone_number", PHONE));
        assertThat(contacts("/contacts?paused=false&is_client=true"))
                .singleElement().satisfies(contact -> assertThat(contact).containsEntry("phone_number", OTHER));
        publishIncoming("api-pause-1", PHONE, "Сколько стоит курс?");
        awaitHandled("api-pause-1");
        assertThat(receiveOutgoing(500)).isNull();
        GEMINI.verify(0, salesRequests());
    }

    @Test
    void pausingAnUnknownContactIs404AndABadDurationIs400() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES (?, 'Иван', TRUE)", PHONE);

        assertThat(http.exchange("/contacts/70000000000/pause", HttpMethod.POST, asOperator(null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/contacts/70000000000/resume", HttpMethod.POST, asOperator(null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/contacts/" + PHONE + "/pause?hours=abc", HttpMethod.POST, asOperator(null), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.exchange("/contacts?paused=maybe", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pausedUntil(PHONE)).isNull();
    }

    private OffsetDateTime pausedUntil(String phone) {
        List<OffsetDateTime> found = jdbc.queryForList("SELECT paused_until FROM contacts WHERE phone_number = ?", OffsetDateTime.class, phone);
        return found.isEmpty() ? null : found.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> contacts(String path) {
        return (List<Map<String, Object>>) http.exchange(path, HttpMethod.GET, withKey(), MAP)
                .getBody().get("contacts");
    }
}
