package kz.aisales.gateway.operations;

import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.sending.SendPriority;

import org.apache.camel.CamelContext;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.stereotype.Component;

/**
 * {@code aisales_send_backlog}: replies waiting for the 20-per-minute throttle, that is the messages ready
 * on {@code outgoing_messages} plus those inside the {@code wappi-send-replies} route (follow-ups are not
 * counted). Read from the broker at each scrape.
 */
@Component
public class SendBacklogGauge {

    public SendBacklogGauge(MeterRegistry registry, AmqpAdmin amqp, QueueProperties queues, CamelContext camel) {
        Gauge.builder("aisales.send.backlog", () -> backlog(amqp, queues, camel))
                .description("Outgoing messages waiting to be sent (queue depth + in the throttle)")
                .register(registry);
    }

    private static double backlog(AmqpAdmin amqp, QueueProperties queues, CamelContext camel) {
        int inRoute = camel.getInflightRepository().size(SendPriority.REPLIES_ROUTE);
        try {
            Properties properties = amqp.getQueueProperties(queues.outgoing());
            Object depth = properties == null ? null : properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
            return inRoute + (depth instanceof Number number ? number.doubleValue() : 0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
