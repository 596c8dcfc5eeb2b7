package kz.aisales.gateway.queues;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.springframework.stereotype.Component;

/**
 * Publishes an {@link IncomingMessage} as JSON to {@code incoming_messages} or {@code voice_transcription}, or an
 * operator's test message ({@code OutgoingMessage}) to {@code outgoing_messages}:
 * default exchange, queue name as routing key, persistent (Spring AMQP's default delivery mode), waiting for the broker's confirm. Only the
 * {@code correlation_id} header travels with it. Always a one-way publish, also when the caller is a request (the
 * webhook, a test send): nobody waits for a reply on the queue.
 */
@Component
public class QueuePublishRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:publish-incoming").routeId("publish-incoming").routeConfigurationId("propagate-errors")
                .to("direct:publish-prepare")
                .to(ExchangePattern.InOnly, "spring-rabbitmq:default?routingKey={{queues.incoming}}&confirm=enabled")
                        .id("incoming-publish")
                .log("Published to {{queues.incoming}}");

        from("direct:publish-voice").routeId("publish-voice").routeConfigurationId("propagate-errors")
                .to("direct:publish-prepare")
                .to(ExchangePattern.InOnly, "spring-rabbitmq:default?routingKey={{queues.voice}}&confirm=enabled")
                        .id("voice-publish")
                .log("Published to {{queues.voice}}");

        from("direct:publish-outgoing").routeId("publish-outgoing").routeConfigurationId("propagate-errors")
                .to("direct:publish-prepare")
                .to(ExchangePattern.InOnly, "spring-rabbitmq:default?routingKey={{queues.outgoing}}&confirm=enabled")
                        .id("outgoing-publish")
                .log("Published to {{queues.outgoing}}");

        from("direct:publish-prepare").routeId("publish-prepare").routeConfigurationId("propagate-errors")
                .removeHeaders("*", "correlation_id")
                .marshal().json()
                .setHeader(SpringRabbitMQConstants.CONTENT_TYPE, constant("application/json"))
                .setHeader(SpringRabbitMQConstants.CONTENT_ENCODING, constant("UTF-8"));
    }
}
