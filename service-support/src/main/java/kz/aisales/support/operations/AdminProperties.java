package kz.aisales.support.operations;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key machines present as {@code X-API-Key} ({@code ADMIN_API_KEY}), and where it is asked for: every call that
 * changes data, and reads under {@code protectedReadPaths}; never under {@code openPaths} (the consoles and the Wappi
 * webhook have credentials of their own).
 */
@ConfigurationProperties("admin")
public record AdminProperties(String apiKey, List<String> openPaths, List<String> protectedReadPaths) {

    public AdminProperties {
        apiKey = apiKey == null ? "" : apiKey.strip();
        openPaths = openPaths == null ? List.of("/actuator/") : List.copyOf(openPaths);
        protectedReadPaths = protectedReadPaths == null ? List.of() : List.copyOf(protectedReadPaths);
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
