package kz.aisales.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** With ADMIN_API_KEY set, a classification change needs it: a missing or wrong key gets 401 and changes nothing. */
// follow-ups off: closing this context must not delete the Quartz tick trigger other test contexts share
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ADMIN_API_KEY=test-admin-key", "ENABLE_FOLLOW_UPS=false"})
@ActiveProfiles("test")
@DirtiesContext
class AdminApiKeyIT {

    static final String PHONE = "77019997766";
    static final String CHANGE = "{\"is_client\": false, \"reason\": \"spam\"}";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void contact() {
        jdbc.update("DELETE FROM contacts WHERE phone_number = ?", PHONE);
        jdbc.update("INSERT INTO contacts (phone_number, is_client) VALUES (?, true)", PHONE);
    }

    @Test
    void aMissingOrWrongKeyIsRefusedAndChangesNothing() {
        assertThat(reclassify(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(reclassify("guess").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(isClient()).isTrue();
    }

    @Test
    void theRightKeyChangesTheClassification() {
        assertThat(reclassify("test-admin-key").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(isClient()).isFalse();
    }

    @Test
    void readingNeedsTheKeyTooAndOnlyHealthIsOpen() {
        for (String path : new String[] {"/contacts/" + PHONE, "/contacts", "/contacts/" + PHONE + "/messages", "/stats",
                "/scheduled-calls", "/follow-ups/active", "/actuator/prometheus"}) {
            org.springframework.http.ResponseEntity<String> without = http.getForEntity(path, String.class);
            assertThat(without.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(without.getBody()).as(path).doesNotContain(PHONE).doesNotContain("aisales_");
            assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(key("test-admin-key")), String.class)
                    .getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForEntity("/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static HttpHeaders key(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-API-Key", key);
        return headers;
    }

    private org.springframework.http.ResponseEntity<String> reclassify(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set("X-API-Key", key);
        }
        return http.exchange("/contacts/" + PHONE + "/classification", HttpMethod.PUT, new HttpEntity<>(CHANGE, headers),
                String.class);
    }

    private Boolean isClient() {
        return jdbc.queryForObject("SELECT is_client FROM contacts WHERE phone_number = ?", Boolean.class, PHONE);
    }
}
