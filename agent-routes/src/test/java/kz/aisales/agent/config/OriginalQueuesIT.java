package kz.aisales.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import kz.aisales.agent.AgentFlowSupport;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The original system's queues, declared before the agent starts with their TTL and length limits (which the agent
 * does not declare): the agent starts on them anyway, declares its dead-letter queues, and a message still flows.
 */
@DirtiesContext // a configuration of its own: its context (and connection pool) is closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "follow-up.enabled=false", "camel.main.name=ai-agent-original-queues",
        "queues.incoming=" + OriginalQueuesIT.INCOMING, "queues.outgoing=" + OriginalQueuesIT.OUTGOING,
        "queues.outgoing-follow-ups=agent-test.original.outgoing_follow_ups"})
class OriginalQueuesIT extends AgentFlowSupport {

    static final String INCOMING = "agent-test.original.incoming_messages";
    static final String OUTGOING = "agent-test.original.outgoing_messages";

    static {
        ConnectionFactory broker = new ConnectionFactory();
        broker.setHost("127.0.0.1");
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            for (String queue : new String[] {INCOMING, OUTGOING, INCOMING + ".dlq", OUTGOING + ".dlq"}) {
                channel.queueDelete(queue);
            }
            // the original system's arguments: incoming 24 h / 10 000, outgoing 1 h / 5 000
            channel.queueDeclare(INCOMING, true, false, false, Map.of("x-message-ttl", 86_400_000, "x-max-length", 10_000));
            channel.queueDeclare(OUTGOING, true, false, false, Map.of("x-message-ttl", 3_600_000, "x-max-length", 5_000));
        } catch (Exception e) {
            throw new IllegalStateException("cannot declare the original system's queues", e);
        }
    }

    @Test
    void theAgentStartsOnTheOriginalsQueuesAndAMessageStillFlows() throws Exception {
        stubModerator(true);
        stubSales("Здравствуйте! Расскажу про курс.", "other");

        publishIncoming("original-queues-1", "77010000091", "Здравствуйте, сколько стоит курс?");

        Message reply = receiveOutgoing(15_000);
        assertThat(reply).isNotNull();
        assertThat(body(reply)).containsEntry("phone_number", "77010000091");
        assertThat(amqp.getQueueProperties(INCOMING + ".dlq")).as("the dead-letter queues declared all the same").isNotNull();
        assertThat(amqp.getQueueProperties(OUTGOING + ".dlq")).isNotNull();
    }
}
