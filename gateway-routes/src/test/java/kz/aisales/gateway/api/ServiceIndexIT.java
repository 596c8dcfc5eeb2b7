package kz.aisales.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kz.aisales.gateway.support.GatewayTestSupport;

import org.apache.camel.spi.RestRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /}: the original system's answer, with the key, listing the endpoints the gateway really serves. */
class ServiceIndexIT extends GatewayTestSupport {

    @Test
    void theIndexNeedsTheKey() {
        ResponseEntity<String> without = http.getForEntity("/", String.class);

        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(without.getBody()).doesNotContain("endpoints");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexAnswersInTheOriginalShape() {
        ResponseEntity<Map> response = http.exchange("/", HttpMethod.GET, withKey(), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("service", "WhatsApp Gateway Service")
                .containsEntry("status", "running");
        assertThat((Map<String, String>) response.getBody().get("endpoints")).containsEntry("health", "/health")
                .containsEntry("stats", "/stats").containsEntry("whitelist", "/whitelist")
                .containsEntry("logs", "/logs/messages").containsEntry("test_send", "/test/send-message")
                .containsEntry("webhook", "/webhooks/wappi");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexListsEveryRestEndpointAndNoOther() {
        Map<String, String> endpoints = (Map<String, String>) read("/", Map.class).get("endpoints");
        Set<String> served = camel.getRestRegistry().listAllRestServices().stream()
                .map(ServiceIndexIT::path).filter(path -> !"/".equals(path)).collect(Collectors.toSet());

        assertThat(endpoints.values().stream().filter(path -> !path.startsWith("/actuator/")))
                .containsExactlyInAnyOrderElementsOf(served);
        assertThat(endpoints).containsEntry("metrics", "/actuator/prometheus").containsEntry("hawtio", "/actuator/hawtio");
    }

    private static String path(RestRegistry.RestService service) {
        String template = service.getUriTemplate() == null ? "" : service.getUriTemplate();
        return service.getBasePath() + template;
    }
}
