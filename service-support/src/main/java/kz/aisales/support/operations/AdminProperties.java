package kz.aisales.support.operations;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key machines present as {@code X-API-Key} ({@code ADMIN_API_KEY}), and the paths that do not ask for it
 * ({@code openPaths}, Ant-style patterns: {@code /health}, the consoles, which have a login of their own, and what a
 * login page needs). Every other call, reads included, needs the key or an operator's login.
 */
@ConfigurationProperties("admin")
public record AdminProperties(String apiKey, List<String> openPaths) {

    public AdminProperties {
        apiKey = apiKey == null ? "" : apiKey.strip();
        openPaths = openPaths == null ? List.of("/health", "/actuator/hawtio/**", "/actuator/jolokia/**") : List.copyOf(openPaths);
    }

    public boolean configured() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[apiKey=" + (configured() ? "***" : "(none)") + ", openPaths=" + openPaths + "]";
    }
}
