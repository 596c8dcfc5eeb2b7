package kz.aisales.gateway.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import kz.aisales.gateway.config.QueueProperties;
import kz.aisales.gateway.sending.SendPriority;
import kz.aisales.support.operations.QueueDepths;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * {@code aisales_send_backlog}: replies waiting for the 20-per-minute throttle, that is the messages ready
 * on {@code outgoing_messages} plus those inside the {@code wappi-send-replies} route (follow-ups are not
 * counted). Read from the broker at each scrape.
 */
@Component
public class SendBacklogGauge {

    public SendBacklogGauge(MeterRegistry registry, QueueDepths depths, QueueProperties queues, CamelContext camel) {
        Gauge.builder("aisales.send.backlog", () -> backlog(depths, queues, camel))
                .description("Outgoing messages waiting to be sent (queue depth + in the throttle)")
                .register(registry);
    }

    private static double backlog(QueueDepths depths, QueueProperties queues, CamelContext camel) {
        Integer ready = depths.ready(queues.outgoing());
        return ready == null ? Double.NaN : ready + camel.getInflightRepository().size(SendPriority.REPLIES_ROUTE);
    }
}
