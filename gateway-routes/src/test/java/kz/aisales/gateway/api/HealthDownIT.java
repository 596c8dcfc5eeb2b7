package kz.aisales.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The broker is pointed at a port where nothing listens: health must say so with a 503, stats cannot tell depths. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:1/")
@ActiveProfiles("test")
@DirtiesContext
class HealthDownIT {

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void healthIs503AndNamesTheBrokerWhenItIsDown() {
        ResponseEntity<Map> response = http.getForEntity("/health", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody()).containsEntry("status", "unhealthy")
                .containsEntry("failing", List.of("broker"));
        assertThat((Map<String, String>) response.getBody().get("components")).containsEntry("database", "up");
    }

    @Test
    void statsShowQueueSizesTheBrokerCannotTellAsNull() {
        HttpHeaders key = new HttpHeaders();
        key.set("X-API-Key", GatewayTestSupport.ADMIN_KEY);

        Map<?, ?> stats = http.exchange("/stats", HttpMethod.GET, new HttpEntity<>(key), Map.class).getBody();

        Map<String, Object> unknown = new HashMap<>();
        unknown.put("incoming", null);
        unknown.put("outgoing", null);
        unknown.put("voice", null);
        assertThat(stats.get("queue_sizes")).isEqualTo(unknown);
    }
}
