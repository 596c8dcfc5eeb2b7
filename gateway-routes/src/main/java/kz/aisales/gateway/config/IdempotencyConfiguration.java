package kz.aisales.gateway.config;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persistent de-duplication in PostgreSQL (table {@code camel_messageprocessed}, created by Flyway):
 * Wappi message ids already published, and outbox ids already sent. Both survive a restart.
 */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    public static final String INCOMING = "incomingMessageIds";
    public static final String OUTBOX = "outboxIds";

    @Bean(INCOMING)
    JdbcMessageIdRepository incomingMessageIds(DataSource dataSource) {
        return repository(dataSource, "wappi-incoming");
    }

    @Bean(OUTBOX)
    JdbcMessageIdRepository outboxIds(DataSource dataSource) {
        return repository(dataSource, "wappi-outbox");
    }

    private static JdbcMessageIdRepository repository(DataSource dataSource, String processorName) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processorName);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
