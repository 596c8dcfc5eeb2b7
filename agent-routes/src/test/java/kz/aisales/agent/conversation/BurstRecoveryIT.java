package kz.aisales.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import kz.aisales.agent.AgentFlowSupport;
import kz.aisales.agent.config.ConversationProperties;

import org.apache.camel.Exchange;
import org.apache.camel.processor.aggregate.jdbc.JdbcAggregationRepository;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A burst completed by one agent replica is recovered (re-run after a crash) by that replica only: Camel's recovery
 * re-runs every completed burst it does not have in flight itself, so on the shared table another live replica would
 * re-run, and could answer first, a turn the first one is still working on.
 */
class BurstRecoveryIT extends AgentFlowSupport {

    @Autowired
    JdbcAggregationRepository conversationBurstRepository;
    @Autowired
    ConversationProperties conversation;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCompletedBurstIsRecoveredOnlyByTheInstanceThatCompletedIt() {
        JdbcAggregationRepository otherReplica = new ConversationConfiguration()
                .conversationBurstRepository(transactions, dataSource, instance("other-replica"));
        otherReplica.start();
        try {
            String theirs = complete(otherReplica, "77029990001");
            String ours = complete(conversationBurstRepository, "77029990002");

            assertThat(jdbc.queryForObject("SELECT instance_id FROM conversation_burst_completed WHERE id = ?",
                    String.class, theirs)).isEqualTo("other-replica");
            assertThat(conversationBurstRepository.scan(camel)).contains(ours).doesNotContain(theirs);
            assertThat(otherReplica.scan(camel)).contains(theirs).doesNotContain(ours);

            otherReplica.confirm(camel, theirs);
            conversationBurstRepository.confirm(camel, ours);
        } finally {
            otherReplica.stop();
        }
    }

    /** Collects a burst for the phone and completes it, as the aggregator does; returns the completed exchange's id. */
    private String complete(JdbcAggregationRepository repository, String phone) {
        Exchange burst = new DefaultExchange(camel);
        burst.getMessage().setBody("Здравствуйте");
        repository.add(camel, phone, burst);
        Exchange collected = repository.get(camel, phone);
        repository.remove(camel, phone, collected);
        return collected.getExchangeId();
    }

    private ConversationProperties instance(String instanceId) {
        return new ConversationProperties(conversation.messageGroupTimeout(), conversation.maxMessagesInGroup(),
                conversation.maxContextMessages(), conversation.concurrency(), conversation.lockLease(),
                conversation.maxCustomerTextChars(), conversation.maxHistoryChars(), conversation.minReplyInterval(),
                instanceId, conversation.maxTurnMediaBytes());
    }
}
