package kz.aisales.support.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account of the Hawtio and Jolokia consoles ({@code HAWTIO_USER}, {@code HAWTIO_PASSWORD}).
 * Without a password both consoles refuse every request: there is no open console by default.
 */
@ConfigurationProperties("console")
public record ConsoleProperties(String user, String password) {

    public ConsoleProperties {
        user = user == null || user.isBlank() ? "admin" : user.strip();
        password = password == null ? "" : password;
    }

    public boolean enabled() {
        return !password.isBlank();
    }

    @Override
    public String toString() {
        return "ConsoleProperties[user=" + user + ", password=" + (enabled() ? "***" : "(none)") + "]";
    }
}
