package kz.aisales.gateway.queues;

import java.util.Properties;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.stereotype.Component;

/** How many messages are ready on a queue, asked of the broker (a passive declare); null when it cannot say. */
@Component
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
