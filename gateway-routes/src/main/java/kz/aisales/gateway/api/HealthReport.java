package kz.aisales.gateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import kz.aisales.support.operations.HealthCheck;

/**
 * The answer of {@code GET /health}: each checked component, which integrations are configured, the
 * Wappi profile's state ({@code get/status}), the time of the last successful poll, how messages arrive
 * ({@code webhook} or {@code polling}) and whether sending is {@code active} or paused after a ban signal. Only the
 * database and the broker decide the status code; Wappi is reported, not required.
 */
public record HealthReport(
        String status,
        String service,
        Map<String, String> components,
        Map<String, String> integrations,
        List<String> failing,
        @JsonProperty("wappi_profile") String wappiProfile,
        @JsonProperty("last_successful_poll") String lastSuccessfulPoll,
        String ingress,
        String sending) implements HealthCheck.Report {

    public static HealthReport of(String service, Map<String, Boolean> componentsUp, Map<String, Boolean> integrations,
            String wappiProfile, String lastSuccessfulPoll, String ingress, String sending) {
        Map<String, String> components = new LinkedHashMap<>();
        componentsUp.forEach((name, up) -> components.put(name, up ? "up" : "down"));
        Map<String, String> configured = new LinkedHashMap<>();
        integrations.forEach((name, ok) -> configured.put(name, ok ? "configured" : "not configured"));
        List<String> failing = componentsUp.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return new HealthReport(failing.isEmpty() ? "healthy" : "unhealthy", service, components, configured, failing,
                wappiProfile, lastSuccessfulPoll, ingress, sending);
    }

    @JsonIgnore
    @Override
    public int httpStatus() {
        return failing.isEmpty() ? 200 : 503;
    }
}
