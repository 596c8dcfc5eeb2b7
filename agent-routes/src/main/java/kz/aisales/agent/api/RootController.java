package kz.aisales.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * {@code GET /}: the operator console for a browser (its {@code index.html}), and for any other client the service's
 * description in the original system's shape ({@code service}, {@code status}, {@code endpoints}), which needs the
 * key like every read.
 */
@Controller
public class RootController {

    static final Map<String, String> ENDPOINTS = endpoints();

    @GetMapping("/")
    public Object root(@RequestHeader(name = "Accept", required = false) String accept) {
        if (accept != null && accept.contains("text/html")) {
            return "forward:/index.html";
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("service", "AI Agent Service");
        description.put("status", "running");
        description.put("endpoints", ENDPOINTS);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(description);
    }

    private static Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("console", "/ (a browser)");
        endpoints.put("health", "/health");
        endpoints.put("stats", "/stats");
        endpoints.put("contacts", "/contacts");
        endpoints.put("conversations", "/conversations");
        endpoints.put("scheduled_calls", "/scheduled-calls");
        endpoints.put("follow_ups_active", "/follow-ups/active");
        endpoints.put("follow_ups_pending", "/follow-ups/pending");
        endpoints.put("knowledge", "/knowledge/files");
        endpoints.put("dashboard", "/dashboard");
        endpoints.put("sending", "/sending");
        endpoints.put("sending_resume", "/sending/resume");
        endpoints.put("metrics", "/actuator/prometheus");
        endpoints.put("hawtio", "/actuator/hawtio");
        return endpoints;
    }
}
