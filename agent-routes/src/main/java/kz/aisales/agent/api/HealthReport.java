package kz.aisales.agent.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import kz.aisales.support.operations.HealthCheck;

/** The answer of {@code GET /health}: each checked component, and which integrations are configured. */
public record HealthReport(
        String status,
        String service,
        Map<String, String> components,
        Map<String, String> integrations,
        List<String> failing) implements HealthCheck.Report {

    public static HealthReport of(String service, Map<String, Boolean> componentsUp, Map<String, Boolean> integrations) {
        Map<String, String> components = new LinkedHashMap<>();
        componentsUp.forEach((name, up) -> components.put(name, up ? "up" : "down"));
        Map<String, String> configured = new LinkedHashMap<>();
        integrations.forEach((name, ok) -> configured.put(name, ok ? "configured" : "not configured"));
        List<String> failing = componentsUp.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        return new HealthReport(failing.isEmpty() ? "healthy" : "unhealthy", service, components, configured, failing);
    }

    @JsonIgnore
    @Override
    public int httpStatus() {
        return failing.isEmpty() ? 200 : 503;
    }
}
