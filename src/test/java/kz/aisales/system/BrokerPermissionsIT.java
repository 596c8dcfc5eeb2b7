package kz.aisales.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/rabbitmq/users.sh for real, against the machine's RabbitMQ (127.0.0.1:5672, rabbitmqctl on the path), in a
 * throwaway vhost with throwaway users: each service may declare its queues, consume its own inputs and publish
 * through the default exchange, and is refused (ACCESS_REFUSED) the other service's input and any other queue.
 * guest is left alone (the script's DELETE_GUEST_USER switch stays off): the broker is shared.
 */
class BrokerPermissionsIT {

    static final String ID = "infra-test-" + UUID.randomUUID().toString().substring(0, 8);
    static final String GATEWAY = ID + "-gateway";
    static final String AGENT = ID + "-agent";
    static final String ADMIN = ID + "-admin";
    static final String GATEWAY_PASSWORD = UUID.randomUUID().toString();
    static final String AGENT_PASSWORD = UUID.randomUUID().toString();

    static final String INCOMING = "incoming_messages";
    static final String VOICE = "voice_transcription";
    static final String OUTGOING = "outgoing_messages";
    static final String FOLLOW_UPS = "outgoing_follow_ups";

    static Map<String, String> usersBefore;
    static Connection gateway;
    static Connection agent;

    @BeforeAll
    static void createUsersAndDeclareQueues() throws Exception {
        usersBefore = users();
        runUsersScript(GATEWAY_PASSWORD);
        gateway = connect(GATEWAY, GATEWAY_PASSWORD);
        agent = connect(AGENT, AGENT_PASSWORD);
        // what each service's MessagingConfiguration declares at start (passive=false), with the same arguments
        try (Channel channel = gateway.createChannel()) {
            for (String queue : List.of(INCOMING, VOICE, OUTGOING, FOLLOW_UPS)) {
                declare(channel, queue);
                declare(channel, queue + ".dlq");
            }
        }
        try (Channel channel = agent.createChannel()) {
            for (String queue : List.of(INCOMING, OUTGOING, FOLLOW_UPS)) {
                declare(channel, queue);
                declare(channel, queue + ".dlq");
            }
        }
    }

    @AfterAll
    static void removeVhostAndUsers() throws Exception {
        for (Connection connection : new Connection[] {gateway, agent}) {
            if (connection != null) {
                connection.close();
            }
        }
        rabbitmqctl("delete_vhost", ID);
        for (String user : List.of(GATEWAY, AGENT, ADMIN)) {
            rabbitmqctl("delete_user", user);
        }
    }

    @Test
    void theQueueContractFlowsThroughTheDefaultExchange() throws Exception {
        publish(gateway, INCOMING, "customer message");
        assertThat(consumeOne(agent, INCOMING)).isEqualTo("customer message");
        publish(agent, OUTGOING, "reply");
        assertThat(consumeOne(gateway, OUTGOING)).isEqualTo("reply");
        publish(agent, FOLLOW_UPS, "follow-up");
        assertThat(consumeOne(gateway, FOLLOW_UPS)).isEqualTo("follow-up");
        publish(gateway, VOICE, "voice note");
        assertThat(consumeOne(gateway, VOICE)).isEqualTo("voice note");
        publish(gateway, OUTGOING + ".dlq", "failed send");
        publish(agent, INCOMING + ".dlq", "failed turn");
    }

    @Test
    void theGatewayReadsQueueDepthsAndReplaysDeadLetters() throws Exception {
        try (Channel channel = gateway.createChannel()) {
            // /stats and the send backlog: a passive declare needs no permission, on any queue
            channel.queueDeclarePassive(INCOMING);
            // POST /dead-letters/{queue}/replay takes the letters with basic.get
            for (String queue : List.of(INCOMING, OUTGOING, VOICE)) {
                channel.basicGet(queue + ".dlq", false);
            }
        }
    }

    @Test
    void theGatewayIsRefusedTheAgentsInputAndForeignQueues() throws Exception {
        refused(gateway, channel -> channel.basicConsume(INCOMING, true, (tag, delivery) -> { }, tag -> { }));
        refused(gateway, channel -> channel.basicGet(FOLLOW_UPS + ".dlq", false));
        refused(gateway, channel -> declare(channel, "not_a_system_queue"));
        refused(gateway, channel -> channel.basicPublish("amq.direct", INCOMING, null, "x".getBytes(UTF_8)));
    }

    @Test
    void theAgentIsRefusedTheGatewaysInputsAndForeignQueues() throws Exception {
        for (String queue : List.of(OUTGOING, FOLLOW_UPS, VOICE, INCOMING + ".dlq")) {
            refused(agent, channel -> channel.basicConsume(queue, true, (tag, delivery) -> { }, tag -> { }));
        }
        refused(agent, channel -> declare(channel, VOICE));
        refused(agent, channel -> declare(channel, VOICE + ".dlq"));
        refused(agent, channel -> channel.queueDelete(VOICE));
        refused(agent, channel -> channel.basicPublish("amq.direct", OUTGOING, null, "x".getBytes(UTF_8)));
    }

    @Test
    void theScriptIsRerunnableAndLeavesGuestAlone() throws Exception {
        Map<String, String> users = users();
        assertThat(users).containsEntry(GATEWAY, "[]").containsEntry(AGENT, "[]").containsEntry(ADMIN, "[administrator]");
        assertThat(users.containsKey("guest")).isEqualTo(usersBefore.containsKey("guest"));

        String changed = UUID.randomUUID().toString();
        runUsersScript(changed);
        try {
            assertThatThrownBy(() -> connect(GATEWAY, GATEWAY_PASSWORD).close())
                    .isInstanceOf(AuthenticationFailureException.class);
            connect(GATEWAY, changed).close();
        } finally {
            runUsersScript(GATEWAY_PASSWORD);
        }
    }

    interface ChannelAction {
        void run(Channel channel) throws IOException;
    }

    /** The action, on a channel of its own, ends with the broker closing the channel: 403 ACCESS_REFUSED. */
    private static void refused(Connection connection, ChannelAction action) throws IOException {
        Channel channel = connection.createChannel();
        try {
            assertThatThrownBy(() -> {
                action.run(channel);
                channel.basicQos(1); // a publish is refused asynchronously: the next synchronous call meets the close
            }).satisfies(e -> assertThat(closeCode(e)).as(String.valueOf(e)).isEqualTo(AMQP.ACCESS_REFUSED));
        } finally {
            channel.abort(); // allowed after all: its consumer must not take other tests' messages
        }
    }

    private static int closeCode(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Channel.Close close) {
                return close.getReplyCode();
            }
        }
        return -1;
    }

    private static void declare(Channel channel, String queue) throws IOException {
        boolean sendQueue = queue.equals(OUTGOING) || queue.equals(FOLLOW_UPS);
        Map<String, Object> arguments = sendQueue ? Map.of("x-single-active-consumer", true) : null;
        channel.queueDeclare(queue, true, false, false, arguments);
    }

    private static void publish(Connection connection, String queue, String body) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("", queue, true, MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(UTF_8));
            channel.waitForConfirmsOrDie(5_000);
        }
    }

    private static String consumeOne(Connection connection, String queue) throws Exception {
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        try (Channel channel = connection.createChannel()) {
            channel.basicConsume(queue, true, (tag, delivery) -> bodies.add(new String(delivery.getBody(), UTF_8)), tag -> { });
            return bodies.poll(10, TimeUnit.SECONDS);
        }
    }

    private static Connection connect(String user, String password) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setVirtualHost(ID);
        factory.setUsername(user);
        factory.setPassword(password);
        return factory.newConnection();
    }

    private static void runUsersScript(String gatewayPassword) throws Exception {
        ProcessBuilder script = new ProcessBuilder("bash", "docker/rabbitmq/users.sh").redirectErrorStream(true);
        Map<String, String> environment = script.environment();
        environment.keySet().removeIf(name -> name.startsWith("QUEUE_") || name.equals("DELETE_GUEST_USER"));
        environment.putAll(Map.of("RABBITMQ_VHOST", ID,
                "GATEWAY_BROKER_USER", GATEWAY, "GATEWAY_BROKER_PASSWORD", gatewayPassword,
                "AGENT_BROKER_USER", AGENT, "AGENT_BROKER_PASSWORD", AGENT_PASSWORD,
                "RABBITMQ_ADMIN_USER", ADMIN, "RABBITMQ_ADMIN_PASSWORD", UUID.randomUUID().toString()));
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** name -> tags, as rabbitmqctl lists them */
    private static Map<String, String> users() throws Exception {
        Map<String, String> users = new LinkedHashMap<>();
        for (String line : rabbitmqctl("list_users", "--silent")) {
            String[] columns = line.split("\t", 2);
            users.put(columns[0], columns.length > 1 ? columns[1] : "");
        }
        return users;
    }

    private static List<String> rabbitmqctl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), UTF_8).lines().toList();
        process.waitFor(1, TimeUnit.MINUTES);
        return lines;
    }
}
