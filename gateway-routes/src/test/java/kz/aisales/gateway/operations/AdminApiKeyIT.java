package kz.aisales.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** With ADMIN_API_KEY set, whitelist changes need it: a missing or wrong key gets 401 and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ADMIN_API_KEY=test-admin-key")
@ActiveProfiles("test")
@DirtiesContext
class AdminApiKeyIT {

    static final String PHONE = "77019998877";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM whitelist WHERE phone_number = ?", PHONE);
    }

    @Test
    void addingWithoutAKeyIsRefusedAndAddsNothing() {
        assertThat(add(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(whitelisted()).doesNotContain(PHONE);
    }

    @Test
    void addingWithAWrongKeyIsRefusedAndAddsNothing() {
        assertThat(add("guess").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(whitelisted()).doesNotContain(PHONE);
    }

    @Test
    void theRightKeyAddsAndRemoves() {
        assertThat(add("test-admin-key").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.exchange("/whitelist/" + PHONE, HttpMethod.DELETE, new HttpEntity<>(headers(null)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(whitelisted()).contains(PHONE);
        assertThat(http.exchange("/whitelist/" + PHONE, HttpMethod.DELETE, new HttpEntity<>(headers("test-admin-key")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(whitelisted()).doesNotContain(PHONE);
    }

    @Test
    void readingNeedsTheKeyTooAndOnlyHealthIsOpen() {
        for (String path : new String[] {"/whitelist", "/stats", "/wappi/check", "/wappi/sending", "/actuator/prometheus"}) {
            ResponseEntity<String> without = http.getForEntity(path, String.class);
            assertThat(without.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(without.getBody()).as(path).doesNotContain("phone_number").doesNotContain("aisales_");
            assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers("test-admin-key")), String.class)
                    .getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForEntity("/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aScraperMayPresentTheKeyAsABearerToken() {
        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth("test-admin-key");

        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> add(String key) {
        return http.exchange("/whitelist", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone_number", PHONE, "description", "test"), headers(key)), String.class);
    }

    private static HttpHeaders headers(String key) {
        HttpHeaders headers = new HttpHeaders();
        if (key != null) {
            headers.set("X-API-Key", key);
        }
        return headers;
    }

    private List<String> whitelisted() {
        return jdbc.queryForList("SELECT phone_number FROM whitelist", String.class);
    }
}
