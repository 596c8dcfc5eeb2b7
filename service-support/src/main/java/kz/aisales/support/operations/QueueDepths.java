package kz.aisales.support.operations;

import java.util.Properties;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * How many messages are ready on a queue, asked of the broker (a passive declare, which needs no permission on the
 * queue); null when it cannot say. Both services use it: the gateway for its backlog, priorities and stats, the
 * agent for the console's dashboard.
 */
public class QueueDepths {

    private final AmqpAdmin amqp;

    public QueueDepths(AmqpAdmin amqp) {
        this.amqp = amqp;
    }

    public Integer ready(String queue) {
        try {
            Properties properties = amqp.getQueueProperties(queue);
            Object count = properties == null ? null : properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
            return count instanceof Number number ? number.intValue() : null;
        } catch (RuntimeException brokerUnreachable) {
            return null;
        }
    }
}
