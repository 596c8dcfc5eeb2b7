package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.localrun.ServiceProcess;
import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees of one customer message: the same correlation id in the log lines of both services,
 * Prometheus counters that moved, and the Camel routes in Jolokia (Hawtio's back end) behind the operator's
 * credentials.
 */
class OperationsIT {

    static final String TOKEN = "wappi-ops-token-for-tests";
    static final String API_KEY = "gemini-ops-key-for-tests";
    static final String OPERATOR = "operator";
    static final String PASSWORD = "ops-console-pass-71c2";
    static final String PHONE = "77012220001";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static FakeWappi wappi;
    static FakeGemini gemini;
    static RunningSystem system;
    static String correlationId;

    @BeforeAll
    static void start() throws Exception {
        wappi = new FakeWappi(TOKEN);
        gemini = new FakeGemini(API_KEY);
        system = RunningSystem.start(RunningSystem.against(wappi, gemini, "HAWTIO_USER", OPERATOR, "HAWTIO_PASSWORD", PASSWORD));
        System.out.printf("resident memory right after start, Hawtio on: gateway %d MB, agent %d MB%n",
                system.gateway().residentMemoryMb(), system.agent().residentMemoryMb());

        correlationId = wappi.customerWrites(PHONE, "Асель", "Здравствуйте, сколько стоит курс?");
        await().atMost(Duration.ofSeconds(60)).until(() -> !wappi.sentTo(PHONE).isEmpty());
    }

    @AfterAll
    static void stop() throws Exception {
        RunningSystem.stop(system, wappi, gemini);
    }

    @Test
    void oneMessagesCorrelationIdIsInTheLogLinesOfBothServices() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> journey("gateway").stream().anyMatch(l -> l.contains("Sent outbox")));

        assertThat(String.join("\n", journey("gateway")))
                .contains("forwarded", "Published to " + RunningSystem.queue("incoming_messages"), "Sent outbox")
                .contains("7701***0001").doesNotContain(PHONE);
        assertThat(String.join("\n", journey("agent")))
                .contains("Received chat message", "Turn for 7701***0001", "Gemini answered with HTTP 200", "Reply published")
                .doesNotContain(PHONE);
    }

    @Test
    void theDailyLogFilesHoldTheSameLinesWithoutPhonesOrSecrets() throws Exception {
        for (String service : List.of("gateway", "agent")) {
            Path daily = RunningSystem.log(service).resolveSibling(service + "-daily").resolve("app_" + LocalDate.now() + ".log");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(daily)
                    && Files.readString(daily).contains("[" + correlationId + "]"));
            assertThat(Files.readString(daily)).as(service).doesNotContain(PHONE).doesNotContain(TOKEN).doesNotContain(API_KEY)
                    .doesNotContain(PASSWORD);
        }
    }

    @Test
    void prometheusCountersMovedInBothServices() throws Exception {
        String gateway = scrape(system.gateway());
        assertThat(value(gateway, "aisales_messages_received_total", "outcome=\"forwarded\",type=\"chat\"")).isPositive();
        assertThat(value(gateway, "aisales_messages_published_total",
                "queue=\"" + RunningSystem.queue("incoming_messages") + "\"")).isPositive();
        assertThat(value(gateway, "aisales_messages_sent_total", "kind=\"reply\"")).isPositive();
        assertThat(Math.max(value(gateway, "aisales_wappi_calls_seconds_count", "endpoint=\"message/reply\",status=\"200\""),
                value(gateway, "aisales_wappi_calls_seconds_count", "endpoint=\"message/send\",status=\"200\""))).isPositive();
        assertThat(value(gateway, "aisales_wappi_calls_seconds_count", "endpoint=\"chats/get\",status=\"200\"")).isPositive();
        assertThat(value(gateway, "camel_exchanges_total", "routeId=\"wappi-poll\"")).isPositive();
        assertThat(gateway).contains("aisales_send_backlog{");

        String agent = scrape(system.agent());
        assertThat(value(agent, "aisales_messages_received_total", "type=\"chat\"")).isPositive();
        assertThat(value(agent, "aisales_gemini_calls_seconds_count", "outcome=\"ok\"")).isPositive();
        assertThat(value(agent, "aisales_messages_published_total",
                "queue=\"" + RunningSystem.queue("outgoing_messages") + "\"")).isPositive();
        assertThat(agent).contains("aisales_followups_sent_total{");
    }

    @Test
    void jolokiaListsEachServicesRoutesByIdForTheOperatorOnly() throws Exception {
        String search = "/actuator/jolokia/search/org.apache.camel:type=routes,*";
        for (var service : List.of(system.gateway(), system.agent())) {
            HttpResponse<String> routes = get(service, search, OPERATOR + ":" + PASSWORD);
            assertThat(routes.statusCode()).as(service.name()).isEqualTo(200);
            String expected = service == system.gateway() ? "wappi-poll" : "conversation-turn";
            String mbean = null;
            for (JsonNode name : JSON.readTree(routes.body()).path("value")) {
                if (name.asText().contains("name=\"" + expected + "\"")) {
                    mbean = name.asText();
                }
            }
            assertThat(mbean).as(service.name() + " " + routes.body()).isNotNull();
            HttpResponse<String> routeId = get(service, "/actuator/jolokia/read/"
                    + mbean.replace("\"", "%22").replace(" ", "%20") + "/RouteId", OPERATOR + ":" + PASSWORD);
            assertThat(JSON.readTree(routeId.body()).path("value").asText()).isEqualTo(expected);

            assertThat(get(service, "/actuator/hawtio/", OPERATOR + ":" + PASSWORD).statusCode()).isEqualTo(200);
            assertThat(get(service, "/actuator/hawtio/", null).statusCode()).isIn(401, 403);
            assertThat(get(service, search, null).statusCode()).isIn(401, 403);
            assertThat(get(service, search, OPERATOR + ":wrong").statusCode()).isIn(401, 403);
        }
    }

    /** The lines of one service's output that carry this test's correlation id. */
    static List<String> journey(String service) throws Exception {
        return Files.readAllLines(RunningSystem.log(service), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("[" + correlationId + "]")).toList();
    }

    /** The metrics as a Prometheus scraper reads them: with the admin key as a bearer token. */
    static String scrape(ServiceProcess service) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + RunningSystem.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static HttpResponse<String> get(ServiceProcess service, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path.replace("*", "%2A")));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

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
