package kz.aisales.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.aisales.agent.config.GeminiProperties;
import kz.aisales.support.operations.HealthCheck;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Service;

/** Asks Spring Boot's own database and RabbitMQ health indicators, and reports configured integrations. */
@Service
public class HealthService implements HealthCheck {

    private final HealthEndpoint health;
    private final GeminiProperties gemini;

    public HealthService(HealthEndpoint health, GeminiProperties gemini) {
        this.health = health;
        this.gemini = gemini;
    }

    @Override
    public HealthReport check() {
        Map<String, Boolean> components = new LinkedHashMap<>();
        components.put("database", up("db"));
        components.put("broker", up("rabbit"));
        return HealthReport.of("ai-agent", components, Map.of("gemini", gemini.configured()));
    }

    private boolean up(String indicator) {
        HealthComponent component = health.healthForPath(indicator);
        return component != null && Status.UP.equals(component.getStatus());
    }
}
