package kz.aisales.gateway.config;

import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the durable queues this service touches, each with its dead-letter queue. Spring AMQP
 * re-declares them on every (re)connection. Dead-lettering is done by Camel publishing to the
 * {@code .dlq} queue with the reason in a header, not by the broker's {@code x-dead-letter-exchange},
 * so it works the same on RabbitMQ and on the embedded Qpid broker (which refuses that argument).
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    Declarables queues(QueueProperties queues) {
        List<Declarable> declarables = new ArrayList<>();
        for (String name : List.of(queues.incoming(), queues.voice())) {
            declarables.add(QueueBuilder.durable(name).build());
        }
        // one active consumer across all gateway replicas keeps the send rate limit global
        declarables.add(QueueBuilder.durable(queues.outgoing()).singleActiveConsumer().build());
        declarables.add(QueueBuilder.durable(queues.outgoingFollowUps()).singleActiveConsumer().build());
        for (String name : List.of(queues.incoming(), queues.voice(), queues.outgoing(), queues.outgoingFollowUps())) {
            declarables.add(QueueBuilder.durable(queues.deadLetter(name)).build());
        }
        return new Declarables(declarables);
    }
}
