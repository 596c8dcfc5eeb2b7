package kz.aisales.support.config;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * Declares a service's queues on every new broker connection (as Spring AMQP's admin would), one channel per queue, and
 * uses a queue that already exists with other arguments as it is instead of failing: the original system declared
 * its queues with a message TTL and a length limit (incoming 24 h / 10 000, outgoing 1 h / 5 000, voice 2 h / 1 000),
 * and the broker refuses a declaration that differs ({@code PRECONDITION_FAILED}), which would otherwise stop the
 * service or, on a shared channel, leave the queues after the refused one undeclared. Such a queue is checked to
 * exist (a passive declare) and a warning names what the broker said differs: a TTL or a length limit there can drop
 * messages before they are read.
 */
public class QueueDeclarations implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDeclarations.class);
    private static final int PRECONDITION_FAILED = 406;

    private final List<Queue> queues;

    public QueueDeclarations(ConnectionFactory connections, List<Queue> queues) {
        this.queues = List.copyOf(queues);
        connections.addConnectionListener(this);
    }

    public List<Queue> queues() {
        return queues;
    }

    @Override
    public void onCreate(Connection connection) {
        for (Queue queue : queues) {
            declare(connection.getDelegate(), queue);
        }
    }

    private static void declare(com.rabbitmq.client.Connection connection, Queue queue) {
        try {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclare(queue.getName(), queue.isDurable(), queue.isExclusive(), queue.isAutoDelete(), queue.getArguments());
            } finally {
                closeQuietly(channel);
            }
        } catch (IOException e) {
            String refusal = refusal(e);
            if (refusal == null) {
                throw new AmqpIOException(e);
            }
            useAsItIs(connection, queue, refusal);
        }
    }

    private static void useAsItIs(com.rabbitmq.client.Connection connection, Queue queue, String refusal) {
        try {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclarePassive(queue.getName());
            } finally {
                closeQuietly(channel);
            }
        } catch (IOException e) {
            throw new AmqpIOException(e);
        }
        LOG.warn("Queue {} exists with other arguments than this service declares ({}); it is used as it is. A message TTL "
                + "or length limit set on it (x-message-ttl, x-max-length) can drop messages before they are read: to use "
                + "this service's own declaration, delete the queue while it is empty and restart", queue.getName(), refusal);
    }

    /** The broker's reason when it refused the declaration because the queue exists with other arguments; else null. */
    static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.rabbitmq.client.ShutdownSignalException signal
                    && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close
                    && close.getReplyCode() == PRECONDITION_FAILED) {
                return close.getReplyText();
            }
        }
        return null;
    }

    private static void closeQuietly(Channel channel) {
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | com.rabbitmq.client.ShutdownSignalException alreadyClosed) {
            LOG.trace("channel already closed", alreadyClosed);
        }
    }
}
