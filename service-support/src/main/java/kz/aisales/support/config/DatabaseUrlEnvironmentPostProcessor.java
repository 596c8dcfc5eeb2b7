package kz.aisales.support.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db}, as the original system and
 * hosting platforms give it, or a plain {@code jdbc:postgresql:} URL) onto {@code spring.datasource.*}.
 * Added last, so an explicit {@code spring.datasource.url} still wins.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "databaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("app.database-url");
        if (url == null || url.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, toDataSourceProperties(url.trim())));
    }

    static Map<String, Object> toDataSourceProperties(String url) {
        Map<String, Object> properties = new HashMap<>();
        if (url.startsWith("jdbc:")) {
            properties.put("spring.datasource.url", url);
            return properties;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!("postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalid();
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        properties.put("spring.datasource.url", jdbc);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return properties;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid() {
        // the value itself is not echoed: it usually carries a password
        return new IllegalArgumentException(
                "Invalid DATABASE_URL: expected postgresql://user:password@host:port/database or jdbc:postgresql://...");
    }
}
