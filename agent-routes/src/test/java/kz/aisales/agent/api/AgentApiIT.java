package kz.aisales.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class AgentApiIT extends AgentFlowSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void twoContacts() {
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client, last_message_at) VALUES ('77040000001', 'Айгерим', TRUE, now())");
        jdbc.update("INSERT INTO contacts (phone_number, first_name, is_client) VALUES ('77040000002', 'Спам', FALSE)");
        jdbc.update("INSERT INTO messages (contact_id, message_id, role, message_text, sent_at)"
                + " SELECT id, 'api-1', 'user', 'Сколько стоит?', now() FROM contacts WHERE phone_number = '77040000001'");
        jdbc.update("INSERT INTO scheduled_calls (contact_id, scheduled_at) SELECT id, now() + interval '1 day' FROM contacts"
                + " WHERE phone_number = '77040000001'");
    }

    @Test
    void contactsAreFilteredByClass() {
        assertThat(http.exchange("/contacts?is_client=true", HttpMethod.GET, withKey(), LIST).getBody())
                .extracting(c -> c.get("phone_number")).containsExactly("77040000001");
        assertThat(http.exchange("/contacts?is_client=false", HttpMethod.GET, withKey(), LIST).getBody())
                .extracting(c -> c.get("phone_number")).containsExactly("77040000002");
        assertThat(http.exchange("/contacts?is_client=null", HttpMethod.GET, withKey(), LIST).getBody()).isEmpty();
        assertThat(http.exchange("/contacts", HttpMethod.GET, withKey(), LIST).getBody()).hasSize(2);
        assertThat(http.exchange("/contacts?is_client=maybe", HttpMethod.GET, withKey(), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void oneContactAndItsMessagesOr404() {
        ResponseEntity<Map<String, Object>> contact = http.exchange("/contacts/77040000001", HttpMethod.GET, withKey(), MAP);
        assertThat(contact.getBody()).containsEntry("first_name", "Айгерим").containsEntry("is_client", true);
        assertThat(http.exchange("/contacts/77040000001/messages", HttpMethod.GET, withKey(), LIST).getBody())
                .extracting(m -> m.get("message_text")).containsExactly("Сколько стоит?");
        assertThat(http.exchange("/contacts/70000000000", HttpMethod.GET, withKey(), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOperatorReclassifiesAContact() {
        ResponseEntity<Map<String, Object>> changed = http.exchange("/contacts/77040000002/classification", HttpMethod.PUT,
                asOperator("{\"is_client\": true, \"reason\": \"написал в другой чат, что хочет курс\"}"), MAP);

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).containsEntry("is_client", true)
                .containsEntry("classification_reason", "написал в другой чат, что хочет курс");
        assertThat(jdbc.queryForObject("SELECT is_client FROM contacts WHERE phone_number = '77040000002'", Boolean.class)).isTrue();
    }

    @Test
    void statsCountContactsMessagesAndCalls() {
        Map<String, Object> stats = http.exchange("/stats", HttpMethod.GET, withKey(), MAP).getBody();

        assertThat(stats).containsEntry("messages_today", 1).containsEntry("replies_today", 0).containsEntry("scheduled_calls", 1)
                .containsEntry("active_follow_ups", 0);
        assertThat((Map<String, Object>) stats.get("contacts")).containsEntry("total", 2).containsEntry("clients", 1)
                .containsEntry("non_clients", 1).containsEntry("unknown", 0);
    }

    @Test
    void activeFollowUpsShowTheNextTouchInLocalTimeAndUtcAndAreCounted() {
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, next_follow_up_at, last_sent_at)"
                + " SELECT id, 2, '2027-01-08T05:00:00Z', '2026-12-28T05:00:00Z' FROM contacts WHERE phone_number = '77040000001'");
        jdbc.update("INSERT INTO follow_ups (contact_id, status, stop_reason) SELECT id, 'stopped', 'client_said_no'"
                + " FROM contacts WHERE phone_number = '77040000001'");

        assertThat(http.exchange("/follow-ups/active", HttpMethod.GET, withKey(), LIST).getBody()).singleElement().satisfies(active -> assertThat(active)
                .containsEntry("phone_number", "77040000001").containsEntry("name", "Айгерим").containsEntry("touch_number", 2)
                .containsEntry("next_due_local", "2027-01-08T10:00+05:00").containsEntry("next_due_utc", "2027-01-08T05:00Z")
                .containsEntry("timezone", "Asia/Almaty").containsEntry("last_sent_local", "2026-12-28T10:00+05:00"));
        assertThat(http.exchange("/stats", HttpMethod.GET, withKey(), MAP).getBody()).containsEntry("active_follow_ups", 1);
    }

    @Test
    void scheduledCallsNameTheContact() {
        assertThat(http.exchange("/scheduled-calls", HttpMethod.GET, withKey(), LIST).getBody())
                .extracting(c -> c.get("phone_number")).containsExactly("77040000001");
    }
}
