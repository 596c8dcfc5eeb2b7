package kz.aisales.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRunTest {

    @Test
    void sharedDatabaseUrlKeepsServerAndCredentialsAndSwapsTheDatabase() {
        assertThat(LocalRun.withDatabase("postgresql://bot:p%40ss@db:6543/anything?sslmode=require", "ai_agent"))
                .isEqualTo("postgresql://bot:p%40ss@db:6543/ai_agent?sslmode=require");
    }

    @Test
    void jdbcFormIsKept() {
        assertThat(LocalRun.withDatabase("jdbc:postgresql://localhost:5432/postgres", "whatsapp_gateway"))
                .isEqualTo("jdbc:postgresql://localhost:5432/whatsapp_gateway");
    }
}
