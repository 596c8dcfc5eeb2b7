package kz.aisales.gateway.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aisales.gateway.config.GeminiProperties;
import kz.aisales.gateway.config.PartnerFailures;
import kz.aisales.gateway.config.WappiProperties;
import kz.aisales.gateway.polling.PollState;
import kz.aisales.gateway.sending.SendingPause;
import kz.aisales.gateway.wappi.WappiClient;
import kz.aisales.gateway.webhook.WebhookRegistration;
import kz.aisales.support.operations.HealthCheck;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Service;

/**
 * Asks Spring Boot's own database and RabbitMQ health indicators, reports configured integrations,
 * the Wappi profile ({@code get/status}) and the last successful poll.
 */
@Service
public class HealthService implements HealthCheck {

    private final HealthEndpoint health;
    private final WappiProperties wappi;
    private final GeminiProperties gemini;
    private final WappiClient wappiClient;
    private final PollState pollState;
    private final WebhookRegistration webhook;
    private final SendingPause pause;

    public HealthService(HealthEndpoint health, WappiProperties wappi, GeminiProperties gemini, WappiClient wappiClient,
            PollState pollState, WebhookRegistration webhook, SendingPause pause) {
        this.health = health;
        this.wappi = wappi;
        this.gemini = gemini;
        this.wappiClient = wappiClient;
        this.pollState = pollState;
        this.webhook = webhook;
        this.pause = pause;
    }

    @Override
    public HealthReport check() {
        Map<String, Boolean> components = new LinkedHashMap<>();
        boolean database = up("db");
        components.put("database", database);
        components.put("broker", up("rabbit"));
        Map<String, Boolean> integrations = new LinkedHashMap<>();
        integrations.put("wappi", wappi.configured());
        integrations.put("gemini", gemini.configured());
        String lastPoll = database ? pollState.lastSuccess().map(Instant::toString).orElse(null) : null;
        String ingress = webhook.registered() ? "webhook (polling reconciles)" : "polling";
        String sending = !database ? null : pause.current()
                .map(p -> "paused since " + p.since() + ": " + p.reason()).orElse("active");
        return HealthReport.of("whatsapp-gateway", components, integrations, wappiProfile(), lastPoll, ingress, sending);
    }

    private String wappiProfile() {
        if (!wappi.configured()) {
            return "not configured";
        }
        try {
            JsonNode status = wappiClient.profileStatus();
            return status.path("authorized").asBoolean(false) ? "authorized" : "not authorized";
        } catch (RuntimeException e) {
            return "unreachable: " + PartnerFailures.reason(e);
        }
    }

    private boolean up(String indicator) {
        HealthComponent component = health.healthForPath(indicator);
        return component != null && Status.UP.equals(component.getStatus());
    }
}
