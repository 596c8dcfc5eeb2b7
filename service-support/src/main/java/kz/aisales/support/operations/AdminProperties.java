package kz.aisales.support.operations;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key machines present as {@code X-API-Key} ({@code ADMIN_API_KEY}), and where it is asked for: every call that
 * changes data, and reads under {@code protectedReadPaths} (by default everything); never under {@code openPaths}
 * (by default {@code /health} and the consoles, which have a login of their own).
 */
@ConfigurationProperties("admin")
public record AdminProperties(String apiKey, List<String> openPaths, List<String> protectedReadPaths) {

    public AdminProperties {
        apiKey = apiKey == null ? "" : apiKey.strip();
        openPaths = openPaths == null ? List.of("/health", "/actuator/hawtio", "/actuator/jolokia") : List.copyOf(openPaths);
        protectedReadPaths = protectedReadPaths == null ? List.of("/") : List.copyOf(protectedReadPaths);
    }

    public boolean configured() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[apiKey=" + (configured() ? "***" : "(none)") + ", openPaths=" + openPaths
                + ", protectedReadPaths=" + protectedReadPaths + "]";
    }
}
