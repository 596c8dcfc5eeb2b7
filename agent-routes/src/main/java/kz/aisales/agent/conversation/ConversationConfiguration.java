package kz.aisales.agent.conversation;

import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The burst aggregator's persistent repository (tables from Flyway V2), so collected and completed bursts
 * survive a restart and a turn interrupted by a crash is run again.
 */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    JdbcAggregationRepository conversationBurstRepository(PlatformTransactionManager transactions, DataSource dataSource) {
        JdbcAggregationRepository repository =
                new JdbcAggregationRepository(transactions, "conversation_burst", dataSource);
        repository.setUseRecovery(true);
        repository.setRecoveryInterval(30, TimeUnit.SECONDS);
        repository.setMaximumRedeliveries(3);
        repository.setDeadLetterUri("direct:dead-letter");
        return repository;
    }
}
