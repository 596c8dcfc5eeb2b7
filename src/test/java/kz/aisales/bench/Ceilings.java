package kz.aisales.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;

/**
 * What this machine's servers can do at best, measured the way the services use them: persistent
 * messages published with confirms (100 in flight) and consumed with manual acks, and single-row
 * PostgreSQL inserts, each its own commit, from one client.
 */
final class Ceilings {

    private Ceilings() {
    }

    /** Messages per second through one durable queue: publish with confirms while a consumer acks. */
    static double brokerMessagesPerSecond(String amqpUri, int messages) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        byte[] body = ("{\"message_id\":\"x\",\"phone_number\":\"77010000000\",\"message_text\":\""
                + "Здравствуйте, сколько стоит курс?\",\"timestamp\":\"2026-11-25T10:00:00+05:00\"}").getBytes(StandardCharsets.UTF_8);
        try (var connection = factory.newConnection("bench-ceiling"); Channel publisher = connection.createChannel();
                Channel consumer = connection.createChannel()) {
            String queue = "bench.ceiling";
            publisher.queueDelete(queue);
            publisher.queueDeclare(queue, true, false, false, null);
            CountDownLatch received = new CountDownLatch(messages);
            consumer.basicQos(100);
            consumer.basicConsume(queue, false, new DefaultConsumer(consumer) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] payload)
                        throws java.io.IOException {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                    received.countDown();
                }
            });
            publisher.confirmSelect();
            long start = System.nanoTime();
            for (int i = 1; i <= messages; i++) {
                publisher.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, body);
                if (i % 100 == 0) {
                    publisher.waitForConfirmsOrDie(30_000);
                }
            }
            publisher.waitForConfirmsOrDie(30_000);
            received.await(2, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            publisher.queueDelete(queue);
            return messages / seconds;
        }
    }

    /** Committed single-row inserts per second from one client. */
    static double databaseCommitsPerSecond(String jdbcUrl, int rows) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_ceiling");
                ddl.execute("CREATE TABLE bench_ceiling (id BIGSERIAL PRIMARY KEY, message_id TEXT UNIQUE, body TEXT)");
            }
            connection.setAutoCommit(true);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_ceiling (message_id, body) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, "m" + i);
                    insert.setString(2, "Здравствуйте, сколько стоит курс?");
                    insert.executeUpdate();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_ceiling");
            }
            return rows / seconds;
        }
    }
}
