package kz.aisales.gateway.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The answer of {@code GET /}: the original Python gateway's shape ({@code service}, {@code status},
 * {@code endpoints} name -> path), kept because its users' scripts read it, listing the endpoints this gateway
 * really serves.
 */
@Component
public class ServiceIndex {

    private static final Map<String, String> ENDPOINTS = endpoints();

    public Map<String, Object> describe() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("service", "WhatsApp Gateway Service");
        index.put("status", "running");
        index.put("endpoints", ENDPOINTS);
        return index;
    }

    private static Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("health", "/health");
        endpoints.put("stats", "/stats");
        endpoints.put("whitelist", "/whitelist");
        endpoints.put("whitelist_remove", "/whitelist/{phone}");
        endpoints.put("logs", "/logs/messages");
        endpoints.put("test_send", "/test/send-message");
        endpoints.put("webhook", "/webhooks/wappi");
        endpoints.put("wappi_check", "/wappi/check");
        endpoints.put("sending", "/wappi/sending");
        endpoints.put("sending_resume", "/wappi/sending/resume");
        endpoints.put("dead_letter_replay", "/dead-letters/{queue}/replay");
        endpoints.put("media_file", "/media/{message_id}");
        endpoints.put("metrics", "/actuator/prometheus");
        endpoints.put("hawtio", "/actuator/hawtio");
        return Collections.unmodifiableMap(endpoints);
    }
}
