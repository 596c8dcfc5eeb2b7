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
        assertThat(contacts("/contacts?is_client=true")).extracting(c -> c.get("phone_number")).containsExactly("77040000001");
        assertThat(contacts("/contacts?is_client=false")).extracting(c -> c.get("phone_number")).containsExactly("77040000002");
        assertThat(contacts("/contacts?is_client=null")).isEmpty();
        Map<String, Object> all = http.exchange("/contacts", HttpMethod.GET, withKey(), MAP).getBody();
        assertThat(all).containsEntry("count", 2);
        assertThat((List<Map<String, Object>>) all.get("contacts")).first().satisfies(contact -> assertThat(contact)
                .containsKeys("id", "phone_number", "name", "is_client", "last_message_at").containsEntry("name", "Айгерим"));
        assertThat(http.exchange("/contacts?is_client=maybe", HttpMethod.GET, withKey(), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<Map<String, Object>> contacts(String path) {
        return (List<Map<String, Object>>) http.exchange(path, HttpMethod.GET, withKey(), MAP).getBody().get("contacts");
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
        // the original system's names
        assertThat(stats).containsEntry("bot_messages_today", 0).containsEntry("active_followups", 0);
        assertThat((Map<String, Object>) stats.get("contacts")).containsEntry("unclassified", 0);
    }

    @Test
    void activeFollowUpsShowTheNextTouchInLocalTimeAndUtcAndAreCounted() {
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, next_follow_up_at, last_sent_at)"
                + " SELECT id, 2, '2027-01-08T05:00:00Z', '2026-12-28T05:00:00Z' FROM contacts WHERE phone_number = '77040000001'");
        jdbc.update("INSERT INTO follow_ups (contact_id, status, stop_reason) SELECT id, 'stopped', 'client_said_no'"
                + " FROM contacts WHERE phone_number = '77040000001'");

        Map<String, Object> listing = http.exchange("/follow-ups/active", HttpMethod.GET, withKey(), MAP).getBody();
        assertThat(listing).containsEntry("count", 1);
        assertThat((List<Map<String, Object>>) listing.get("follow_ups")).singleElement().satisfies(active -> assertThat(active)
                .containsEntry("phone_number", "77040000001").containsEntry("name", "Айгерим").containsEntry("touch_number", 2)
                .containsEntry("next_due_local", "2027-01-08T10:00+05:00").containsEntry("next_due_utc", "2027-01-08T05:00Z")
                .containsEntry("timezone", "Asia/Almaty").containsEntry("last_sent_local", "2026-12-28T10:00+05:00"));
        assertThat(http.exchange("/stats", HttpMethod.GET, withKey(), MAP).getBody()).containsEntry("active_follow_ups", 1);
    }

    @Test
    void onlyTheDueSequencesArePending() {
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, next_follow_up_at)"
                + " SELECT id, 1, now() - interval '1 minute' FROM contacts WHERE phone_number = '77040000001'");
        jdbc.update("INSERT INTO follow_ups (contact_id, touch_number, next_follow_up_at)"
                + " SELECT id, 1, now() + interval '1 day' FROM contacts WHERE phone_number = '77040000002'");

        Map<String, Object> pending = http.exchange("/follow-ups/pending", HttpMethod.GET, withKey(), MAP).getBody();

        assertThat(pending).containsEntry("count", 1);
        assertThat((List<Map<String, Object>>) pending.get("follow_ups")).extracting(f -> f.get("phone_number")).containsExactly("77040000001");
        assertThat(http.exchange("/follow-ups/active", HttpMethod.GET, withKey(), MAP).getBody()).containsEntry("count", 2);
    }

    @Test
    void scheduledCallsNameTheContactAndFilterByStatus() {
        assertThat(http.exchange("/scheduled-calls", HttpMethod.GET, withKey(), LIST).getBody())
                .extracting(c -> c.get("phone_number")).containsExactly("77040000001");
        assertThat(http.exchange("/scheduled-calls?status=done", HttpMethod.GET, withKey(), LIST).getBody()).isEmpty();
        assertThat(http.exchange("/scheduled-calls?status=all", HttpMethod.GET, withKey(), LIST).getBody()).hasSize(1);
        assertThat(http.exchange("/scheduled-calls?status=later", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theRootDescribesTheServiceToAClientThatIsNoBrowserWithTheKeyOnly() {
        Map<String, Object> description = http.exchange("/", HttpMethod.GET, withKey(), MAP).getBody();

        assertThat(description).containsEntry("service", "AI Agent Service").containsEntry("status", "running");
        assertThat((Map<String, Object>) description.get("endpoints")).containsEntry("health", "/health").containsEntry("stats", "/stats");
        assertThat(http.getForEntity("/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
