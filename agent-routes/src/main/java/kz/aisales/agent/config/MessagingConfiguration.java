package kz.aisales.agent.config;

import java.util.List;

import kz.aisales.support.config.QueueDeclarations;

import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the durable queues the agent touches, each with its dead-letter queue, with the same
 * arguments as the gateway declares them (a mismatch would make the broker refuse the second one).
 * Dead-lettering is done by Camel publishing to the {@code .dlq} queue, so it works the same on
 * RabbitMQ and on the embedded Qpid broker. A queue that exists with other arguments (the original system's TTL
 * and length limits) is used as it is ({@link QueueDeclarations}).
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    QueueDeclarations queues(ConnectionFactory connections, QueueProperties queues) {
        return new QueueDeclarations(connections, List.of(
                QueueBuilder.durable(queues.incoming()).build(),
                QueueBuilder.durable(queues.outgoing()).singleActiveConsumer().build(),
                QueueBuilder.durable(queues.outgoingFollowUps()).singleActiveConsumer().build(),
                QueueBuilder.durable(queues.deadLetter(queues.incoming())).build(),
                QueueBuilder.durable(queues.deadLetter(queues.outgoing())).build(),
                QueueBuilder.durable(queues.deadLetter(queues.outgoingFollowUps())).build()));
    }
}
