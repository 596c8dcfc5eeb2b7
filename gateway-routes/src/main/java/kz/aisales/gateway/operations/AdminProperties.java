package kz.aisales.gateway.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ADMIN_API_KEY}: the key every changing REST call must carry; empty = those calls are refused. */
@ConfigurationProperties("admin")
public record AdminProperties(String apiKey) {

    public AdminProperties {
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    public boolean configured() {
        return !apiKey.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[apiKey=" + (configured() ? "***" : "(none)") + "]";
    }
}
