package kz.aisales.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseUrlEnvironmentPostProcessorTest {

    @Test
    void herokuStyleUrlBecomesJdbcUrlAndCredentials() {
        Map<String, Object> properties = DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties(
                "postgresql://bot:s%40cret@db.example:6543/whatsapp_gateway?sslmode=require");

        assertThat(properties)
                .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:6543/whatsapp_gateway?sslmode=require")
                .containsEntry("spring.datasource.username", "bot")
                .containsEntry("spring.datasource.password", "s@cret");
    }

    @Test
    void postgresSchemeWithoutPortOrPasswordIsAccepted() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("postgres://postgres@localhost/ai"))
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost/ai")
                .containsEntry("spring.datasource.username", "postgres")
                .doesNotContainKey("spring.datasource.password");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("jdbc:postgresql://h:5432/db"))
                .containsOnly(Map.entry("spring.datasource.url", "jdbc:postgresql://h:5432/db"));
    }

    @Test
    void malformedUrlIsRejectedWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.toDataSourceProperties("mysql://u:topsecret@h/db"))
                .hasMessageContaining("Invalid DATABASE_URL")
                .hasMessageNotContaining("topsecret");
    }
}
