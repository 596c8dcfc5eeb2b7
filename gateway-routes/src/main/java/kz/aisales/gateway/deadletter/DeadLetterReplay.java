package kz.aisales.gateway.deadletter;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;

import kz.aisales.gateway.config.QueueProperties;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Moves dead letters of one of the system's queues back to it, once the cause is fixed: each message is
 * republished (persistent, with a publisher confirm) without the {@code dead_letter_*} headers and only
 * then acknowledged on the {@code .dlq}, so a failure half-way loses nothing. Replaying is safe: the agent
 * stores each message id once and the gateway sends each outbox id once.
 */
@Component
public class DeadLetterReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final int MAX_PER_CALL = 10_000;

    private final ConnectionFactory connections;
    private final QueueProperties queues;

    public DeadLetterReplay(ConnectionFactory connections, QueueProperties queues) {
        this.connections = connections;
        this.queues = queues;
    }

    public Object replay(@Header("queue") String queue, @Header("max") Integer max, Exchange exchange) throws Exception {
        if (!List.of(queues.incoming(), queues.outgoing(), queues.voice()).contains(queue)) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            return Map.of("error", "not one of this system's queues: " + queue);
        }
        int limit = max == null || max < 1 ? MAX_PER_CALL : Math.min(max, MAX_PER_CALL);
        String deadLetters = queues.deadLetter(queue);
        int moved = 0;
        try (Connection connection = connections.createConnection(); Channel channel = connection.createChannel(false)) {
            channel.confirmSelect();
            // only the letters there now: one that fails again comes back behind them and waits for the next replay
            int present = channel.queueDeclarePassive(deadLetters).getMessageCount();
            limit = Math.min(limit, present);
            GetResponse letter;
            while (moved < limit && (letter = channel.basicGet(deadLetters, false)) != null) {
                channel.basicPublish("", queue, true, withoutDeadLetterHeaders(letter.getProps()), letter.getBody());
                channel.waitForConfirmsOrDie(10_000);
                channel.basicAck(letter.getEnvelope().getDeliveryTag(), false);
                moved++;
            }
        }
        LOG.info("Replayed {} dead letter(s) from {} to {}", moved, deadLetters, queue);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queue", queue);
        result.put("replayed", moved);
        return result;
    }

    private static AMQP.BasicProperties withoutDeadLetterHeaders(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> {
                if (!name.startsWith("dead_letter_")) {
                    headers.put(name, value);
                }
            });
        }
        return properties.builder().headers(headers).deliveryMode(2).build();
    }
}
