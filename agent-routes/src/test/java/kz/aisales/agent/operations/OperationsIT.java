package kz.aisales.agent.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;

/** Consoles behind the operator's credentials, Prometheus metrics that move, correlated and masked log lines. */
class OperationsIT extends AgentFlowSupport {

    @Autowired
    SecurityFilterChain securityFilters;

    @Test
    void securityHeadersAreWrittenBeforeTheRestDslAnswersOnItsOwnThread() {
        HeaderWriterFilter headers = securityFilters.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
                .map(HeaderWriterFilter.class::cast).findFirst().orElseThrow();

        // written lazily, they raced the Camel thread writing the answer (NullPointerException in Tomcat's headers)
        assertThat(ReflectionTestUtils.getField(headers, "shouldWriteHeadersEagerly")).isEqualTo(true);
        assertThat(http.getForEntity("/health", String.class).getHeaders().getFirst("X-Content-Type-Options"))
                .isEqualTo("nosniff");
    }

    private static final String ROUTES = "/actuator/jolokia/search/org.apache.camel:type=routes,*";

    @Autowired
    TestRestTemplate http;

    @Test
    void jolokiaListsTheCamelRoutesByIdForTheOperator() throws Exception {
        ResponseEntity<String> search = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).getForEntity(ROUTES, String.class);

        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
        String turnRoute = null;
        for (JsonNode mbean : JSON.readTree(search.getBody()).path("value")) {
            if (mbean.asText().contains("name=\"conversation-turn\"")) {
                turnRoute = mbean.asText();
            }
        }
        assertThat(turnRoute).as("the conversation-turn route MBean in %s", search.getBody()).isNotNull().contains("context=ai-agent");

        ResponseEntity<String> routeId = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).getForEntity(
                "/actuator/jolokia/read/{mbean}/RouteId", String.class, turnRoute);
        assertThat(JSON.readTree(routeId.getBody()).path("value").asText()).isEqualTo("conversation-turn");
    }

    @Test
    void hawtioOpensForTheOperatorOnly() {
        assertThat(http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).getForEntity("/actuator/hawtio/", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(ROUTES, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void restApiAndPrometheusNeedTheKeyButNoConsoleCredentialsOrCsrfToken() {
        assertThat(http.getForEntity("/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the admin key, but no console credentials and no CSRF token
        ResponseEntity<String> change = http.exchange("/contacts/77019990002/classification", HttpMethod.PUT,
                asOperator("{\"is_client\":true}"), String.class);
        assertThat(change.getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    @Test
    void countersMoveAndOneCorrelationIdFollowsTheTurnThroughTheLog() throws Exception {
        stubModerator(true);
        stubSales("Здравствуйте! Что хотите создать?", "other");
        String messageId = "ops-" + UUID.randomUUID();

        publishIncoming(messageId, "77013334455", "Здравствуйте");
        assertThat(receiveOutgoing(15_000)).isNotNull();

        // the publish is counted when the broker's confirm arrives, which may be just after the test received it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http.exchange("/actuator/prometheus", HttpMethod.GET, withKey(), String.class).getBody();
            assertThat(value(metrics, "aisales_messages_received_total", "type=\"chat\"")).isPositive();
            assertThat(value(metrics, "aisales_messages_published_total", "queue=\"" + queues.outgoing() + "\"")).isPositive();
            assertThat(value(metrics, "aisales_gemini_calls_seconds_count", "outcome=\"ok\"")).isPositive();
            assertThat(value(metrics, "camel_exchanges_total", "routeId=\"conversation-turn\"")).isPositive();
            // exported before any touch; other flow tests in this context may already have sent one
            assertThat(value(metrics, "aisales_followups_sent_total", "touch=\"1\"")).isNotNegative();
        });

        Path daily = Path.of("target/logs/app_" + LocalDate.now() + ".log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(daily).contains("Reply published"));
        List<String> journey = Files.readAllLines(daily).stream().filter(line -> line.contains("[" + messageId + "]")).toList();
        assertThat(String.join("\n", journey)).contains("Received chat message", "Turn for 7701***4455",
                "Gemini answered with HTTP 200", "Reply published");
        assertThat(Files.readString(daily)).doesNotContain("77013334455").doesNotContain("test-key");
    }

    /** The value of one Prometheus sample whose labels include {@code labels}, or -1. */
    static double value(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return -1;
    }
}
