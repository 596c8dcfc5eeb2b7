package kz.aisales.gateway.config;

import java.util.ArrayList;
import java.util.List;

import kz.aisales.support.config.QueueDeclarations;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the durable queues this service touches, each with its dead-letter queue, on every (re)connection; a
 * queue that exists with other arguments (the original system's TTL and length limits) is used as it is
 * ({@link QueueDeclarations}). Dead-lettering is done by Camel publishing to the
 * {@code .dlq} queue with the reason in a header, not by the broker's {@code x-dead-letter-exchange},
 * so it works the same on RabbitMQ and on the embedded Qpid broker (which refuses that argument).
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    QueueDeclarations queues(ConnectionFactory connections, QueueProperties queues) {
        List<Queue> declarables = new ArrayList<>();
        for (String name : List.of(queues.incoming(), queues.voice())) {
            declarables.add(QueueBuilder.durable(name).build());
        }
        // one active consumer across all gateway replicas keeps the send rate limit global
        declarables.add(QueueBuilder.durable(queues.outgoing()).singleActiveConsumer().build());
        declarables.add(QueueBuilder.durable(queues.outgoingFollowUps()).singleActiveConsumer().build());
        for (String name : List.of(queues.incoming(), queues.voice(), queues.outgoing(), queues.outgoingFollowUps())) {
            declarables.add(QueueBuilder.durable(queues.deadLetter(name)).build());
        }
        return new QueueDeclarations(connections, declarables);
    }
}
