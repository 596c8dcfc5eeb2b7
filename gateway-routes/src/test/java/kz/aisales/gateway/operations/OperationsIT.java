package kz.aisales.gateway.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.support.GatewayTestSupport;
import kz.aisales.gateway.support.WappiStub;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.test.util.ReflectionTestUtils;

/** Consoles behind the operator's credentials, Prometheus metrics that move, correlated and masked log lines. */
class OperationsIT extends GatewayTestSupport {

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

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ROUTES = "/actuator/jolokia/search/org.apache.camel:type=routes,*";

    @Test
    void jolokiaListsTheCamelRoutesByIdForTheOperator() throws Exception {
        ResponseEntity<String> search = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).getForEntity(ROUTES, String.class);

        assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode mbeans = JSON.readTree(search.getBody()).path("value");
        assertThat(mbeans.size()).isGreaterThan(5);
        String pollRoute = null;
        for (JsonNode mbean : mbeans) {
            if (mbean.asText().contains("name=\"wappi-poll\"")) {
                pollRoute = mbean.asText();
            }
        }
        assertThat(pollRoute).as("the wappi-poll route MBean").isNotNull();

        Map<String, Object> read = Map.of("type", "read", "mbean", pollRoute, "attribute", "RouteId");
        ResponseEntity<String> routeId = jolokiaPost(read);
        assertThat(routeId.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(routeId.getBody()).path("value").asText()).isEqualTo("wappi-poll");
    }

    @Test
    void jolokiaLetsTheOperatorRunRouteOperationsAndNothingElse() throws Exception {
        String route = "org.apache.camel:context=whatsapp-gateway,type=routes,name=\"whitelist-list\"";
        assertJolokia(Map.of("type", "exec", "mbean", route, "operation", "suspend()"), 200);
        assertJolokia(Map.of("type", "exec", "mbean", route, "operation", "resume()"), 200);
        assertJolokia(Map.of("type", "exec", "mbean", route, "operation", "reset()"), 200);

        // any other operation, an attribute write, the JSR-160 proxy and the JVM's diagnostics are refused
        assertJolokia(Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc()"), 403);
        assertJolokia(Map.of("type", "exec", "mbean", route, "operation", "remove()"), 403);
        assertJolokia(Map.of("type", "write", "mbean", route, "attribute", "Tracing", "value", true), 403);
        assertJolokia(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "vmSystemProperties()"), 403);
        assertJolokia(Map.of("type", "read", "mbean", "java.lang:type=Runtime",
                "attribute", "SystemProperties"), 403);
        // no JSR-160 proxy here at all (400: no such request type); the policy would refuse it too (403)
        ResponseEntity<String> proxy = jolokiaPost(Map.of("type", "proxy", "mbean", "java.lang:type=Memory",
                "attribute", "HeapMemoryUsage",
                "target", Map.of("url", "service:jmx:rmi:///jndi/rmi://127.0.0.1:1099/jmxrmi")));
        assertThat(proxy.getStatusCode().value()).as(proxy.toString()).isIn(400, 403);
        assertThat(proxy.getBody()).doesNotContain("\"used\"");
        assertThat(jolokiaRouteState(route)).isEqualTo("Started");
    }

    @Test
    void aConsoleRequestFromAPageOfAnotherOriginIsRefused() {
        HttpHeaders foreign = new HttpHeaders();
        foreign.setOrigin("https://evil.example");
        ResponseEntity<String> refused = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD)
                .exchange(ROUTES, HttpMethod.GET, new HttpEntity<>(foreign), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("org.apache.camel");

        HttpHeaders own = new HttpHeaders();
        own.setOrigin(http.getRootUri());
        assertThat(http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD)
                .exchange(ROUTES, HttpMethod.GET, new HttpEntity<>(own), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void hawtioOpensForTheOperator() {
        ResponseEntity<String> console = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD)
                .getForEntity("/actuator/hawtio/", String.class);

        assertThat(console.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(console.getBody()).containsIgnoringCase("hawtio");
    }

    @Test
    void consolesRefuseRequestsWithoutOrWithWrongCredentials() {
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(ROUTES, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(CONSOLE_USER, "wrong").getForEntity(ROUTES, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void jolokiaWritesNeedTheCsrfTokenHawtioSends() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> withoutToken = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).exchange(
                "/actuator/jolokia", HttpMethod.POST, new HttpEntity<>("{\"type\":\"version\"}", headers), String.class);

        assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRestApiAndPrometheusNeedTheKeyButNoConsoleCredentials() {
        assertThat(http.getForEntity("/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/whitelist", HttpMethod.GET, withKey(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the admin key, but no console credentials and no CSRF token
        ResponseEntity<String> added = http.exchange("/whitelist", HttpMethod.POST,
                asOperator("{\"phone_number\":\"77019990001\",\"description\":\"test\"}"), String.class);
        assertThat(added.getStatusCode().is2xxSuccessful()).as(added.toString()).isTrue();
        assertThat(http.exchange("/whitelist/77019990001", HttpMethod.DELETE, asOperator(null), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void countersMoveWhenAMessageComesInAndAReplyGoesOut() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0SENTM\",\"task_id\":\"t\"}")));
        String chat = newChat();
        wappi.add(WappiStub.text("M" + UUID.randomUUID(), chat, now(), "Сколько стоит курс?"));
        assertThat(receive(queues.incoming(), WAIT)).isNotNull();
        String outbox = UUID.randomUUID().toString();
        publishOutgoing(Map.of("outbox_id", outbox, "phone_number", chat.replace("@c.us", ""),
                "message_text", "Спасибо!", "kind", "reply"), "corr-metrics");
        await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM message_logs WHERE correlation_id = 'corr-metrics' AND status = 'sent'", Integer.class) == 1);

        String metrics = read("/actuator/prometheus", String.class);

        assertThat(value(metrics, "aisales_messages_received_total", "outcome=\"forwarded\",type=\"chat\"")).isPositive();
        assertThat(value(metrics, "aisales_messages_published_total", "queue=\"" + queues.incoming() + "\"")).isPositive();
        assertThat(value(metrics, "aisales_messages_sent_total", "kind=\"reply\"")).isPositive();
        assertThat(value(metrics, "aisales_wappi_calls_seconds_count", "endpoint=\"chats/get\",status=\"200\"")).isPositive();
        assertThat(value(metrics, "aisales_wappi_calls_seconds_count", "endpoint=\"message/send\",status=\"200\"")).isPositive();
        assertThat(value(metrics, "camel_exchanges_total", "routeId=\"wappi-send\"")).isPositive();
        assertThat(metrics).contains("aisales_send_backlog").contains("aisales_transcriptions_total");
    }

    @Test
    void logLinesCarryTheCorrelationIdAndMaskThePhoneNumber() throws Exception {
        STUBS.stubFor(post(urlPathEqualTo("/api/sync/message/send"))
                .willReturn(okJson("{\"status\":\"done\",\"message_id\":\"3EB0SENTL\",\"task_id\":\"t\"}")));
        String correlationId = "corr-log-" + UUID.randomUUID();
        publishOutgoing(Map.of("outbox_id", UUID.randomUUID().toString(), "phone_number", "77014445566",
                "message_text", "Добрый день", "kind", "reply"), correlationId);

        Path daily = Path.of("target/logs/app_" + LocalDate.now() + ".log");
        await().atMost(WAIT).until(() -> Files.exists(daily) && Files.readString(daily).contains(correlationId));
        List<String> lines = Files.readAllLines(daily).stream().filter(line -> line.contains(correlationId)).toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Sent outbox").contains("7701***5566"));
        assertThat(Files.readString(daily)).doesNotContain("77014445566").doesNotContain(WAPPI_TOKEN);
    }

    @Test
    void theDailyLogFilesTogetherHaveASizeCap() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var daily = (ch.qos.logback.core.rolling.RollingFileAppender<?>) root.getAppender("DAILY");
        var policy = (ch.qos.logback.core.rolling.TimeBasedRollingPolicy<?>) daily.getRollingPolicy();

        assertThat(ReflectionTestUtils.getField(policy, "totalSizeCap")).hasToString("1 GB");
        assertThat(policy.isCleanHistoryOnStart()).isTrue();
        assertThat(policy.getMaxHistory()).isEqualTo(30);
    }

    private ResponseEntity<String> jolokiaPost(Object request) throws Exception {
        ResponseEntity<String> page = http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).getForEntity(ROUTES, String.class);
        String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
        return http.withBasicAuth(CONSOLE_USER, CONSOLE_PASSWORD).exchange("/actuator/jolokia", HttpMethod.POST,
                new HttpEntity<>(JSON.writeValueAsString(request), headers), String.class);
    }

    /** Jolokia answers 200 over HTTP and puts its own verdict in the body's {@code status}. */
    private void assertJolokia(Map<String, Object> request, int status) throws Exception {
        JsonNode answer = JSON.readTree(jolokiaPost(request).getBody());
        assertThat(answer.path("status").asInt()).as(request + " -> " + answer).isEqualTo(status);
    }

    private String jolokiaRouteState(String route) throws Exception {
        return JSON.readTree(jolokiaPost(Map.of("type", "read", "mbean", route, "attribute", "State")).getBody())
                .path("value").asText();
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
