package kz.aisales.agent.config;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:dead-letter}: parks a message on {@code <incoming queue>.dlq} with {@code dead_letter_reason},
 * {@code dead_letter_route}, {@code dead_letter_at} and its {@code correlation_id}; republishing it to the
 * incoming queue replays it.
 */
@Component
public class DeadLetterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:dead-letter").routeId("dead-letter").routeConfigurationId("propagate-errors")
                .removeHeaders("*", "correlation_id")
                .setHeader("dead_letter_reason", method(DeadLetters.class, "reason"))
                .setHeader("dead_letter_route", method(DeadLetters.class, "route"))
                .setHeader("dead_letter_at", method(DeadLetters.class, "now"))
                .log(LoggingLevel.WARN, "Dead letter from ${header.dead_letter_route}: ${header.dead_letter_reason}")
                .to("spring-rabbitmq:default?routingKey={{queues.incoming}}{{queues.dead-letter-suffix}}").id("dead-letter-publish");
    }
}
