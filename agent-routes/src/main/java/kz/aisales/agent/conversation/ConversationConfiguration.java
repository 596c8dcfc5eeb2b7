package kz.aisales.agent.conversation;

import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.processor.aggregate.jdbc.ClusteredJdbcAggregationRepository;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The burst aggregator's persistent repository (tables from Flyway V2 and V5), so collected and completed bursts
 * survive a restart and a turn interrupted by a crash is run again, by the instance that was running it: Camel's
 * recovery re-runs every completed burst it does not have in flight, which on a shared table would include the turns
 * other replicas are still answering.
 */
@Configuration(proxyBeanMethods = false)
public class ConversationConfiguration {

    @Bean
    JdbcAggregationRepository conversationBurstRepository(PlatformTransactionManager transactions, DataSource dataSource,
            ConversationProperties conversation) {
        ClusteredJdbcAggregationRepository repository =
                new ClusteredJdbcAggregationRepository(transactions, "conversation_burst", dataSource);
        repository.setInstanceId(conversation.instanceId());
        repository.setRecoveryByInstance(true);
        repository.setUseRecovery(true);
        repository.setRecoveryInterval(30, TimeUnit.SECONDS);
        repository.setMaximumRedeliveries(3);
        repository.setDeadLetterUri("direct:dead-letter");
        return repository;
    }
}
