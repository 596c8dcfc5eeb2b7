package kz.aisales.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers behave as the services need: data survives a restart; queues work as on RabbitMQ. */
class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void databaseKeepsItsDataAcrossARestart() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, port)) {
            String url = database.ensureDatabase("ai_agent");
            try (Connection connection = jdbc(url); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept (v TEXT)");
                sql.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, port)) {
            String url = database.ensureDatabase("ai_agent");
            try (Connection connection = jdbc(url); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT v FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
    }

    @Test
    void brokerAcceptsDurableSingleActiveConsumerQueuesWithConfirms() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(data, freePort())) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(broker.url());
            try (com.rabbitmq.client.Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                channel.queueDeclare("outgoing_messages", true, false, false, Map.of("x-single-active-consumer", true));
                channel.confirmSelect();
                channel.basicPublish("", "outgoing_messages", MessageProperties.PERSISTENT_TEXT_PLAIN,
                        "{\"message_text\":\"Сәлем\"}".getBytes(StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(5_000);

                GetResponse received = channel.basicGet("outgoing_messages", true);
                assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"message_text\":\"Сәлем\"}");
            }
        }
    }

    private static Connection jdbc(String databaseUrl) throws Exception {
        return DriverManager.getConnection("jdbc:" + databaseUrl.replace("postgres@", ""), "postgres", "");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
