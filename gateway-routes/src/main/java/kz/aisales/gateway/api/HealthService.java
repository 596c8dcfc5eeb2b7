package kz.aisales.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.aisales.gateway.config.GeminiProperties;
import kz.aisales.gateway.config.WappiProperties;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Service;

/** Asks Spring Boot's own database and RabbitMQ health indicators, and reports configured integrations. */
@Service
public class HealthService {

    private final HealthEndpoint health;
    private final WappiProperties wappi;
    private final GeminiProperties gemini;

    public HealthService(HealthEndpoint health, WappiProperties wappi, GeminiProperties gemini) {
        this.health = health;
        this.wappi = wappi;
        this.gemini = gemini;
    }

    public HealthReport check() {
        Map<String, Boolean> components = new LinkedHashMap<>();
        components.put("database", up("db"));
        components.put("broker", up("rabbit"));
        Map<String, Boolean> integrations = new LinkedHashMap<>();
        integrations.put("wappi", wappi.configured());
        integrations.put("gemini", gemini.configured());
        return HealthReport.of("whatsapp-gateway", components, integrations);
    }

    private boolean up(String indicator) {
        HealthComponent component = health.healthForPath(indicator);
        return component != null && Status.UP.equals(component.getStatus());
    }
}
