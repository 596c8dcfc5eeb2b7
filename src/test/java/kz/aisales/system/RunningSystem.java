package kz.aisales.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import kz.aisales.localrun.ClassDataSharing;
import kz.aisales.localrun.ServiceProcess;
import kz.aisales.system.fakes.FakeGemini;
import kz.aisales.system.fakes.FakeWappi;

/**
 * Both services as real processes (their executable jars) against this machine's PostgreSQL and
 * RabbitMQ, each on fresh databases and on queue names of its own, so a run never sees an earlier one.
 */
public final class RunningSystem implements AutoCloseable {

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String RABBITMQ = "amqp://guest:guest@127.0.0.1:5672/";
    /** Names this run's databases and queues, so two runs on one machine (-Dsystem.id=...) never collide. */
    private static final String RUN = System.getProperty("system.id", "it").replaceAll("[^a-z0-9_]", "");
    public static final String GATEWAY_DB = "whatsapp_gateway_" + RUN;
    public static final String AGENT_DB = "ai_agent_" + RUN;
    public static final String PREFIX = RUN + ".";
    /** ADMIN_API_KEY of both services, unless a test sets its own. */
    public static final String ADMIN_KEY = "system-admin-key";
    /**
     * In the extra environment: the port the gateway is to listen on (its HEALTH_CHECK_PORT), for a test that must
     * know it before the start (a webhook url). RunningSystem consumes it: neither service gets the variable, and
     * the agent keeps a free port of its own, never this one. Without it the gateway gets a free port too.
     */
    public static final String GATEWAY_PORT = "GATEWAY_PORT";
    /**
     * In the extra environment: {@code false} starts the service from its executable jar as it is, the way it started
     * before class-data sharing (the launcher's variable of the same name); by default it starts from the extracted
     * jar with its archive ({@link ClassDataSharing}). RunningSystem consumes it too.
     */
    public static final String CLASS_DATA_SHARING = "CLASS_DATA_SHARING";
    /**
     * How the services' JVMs run: {@code -Dservice.jvm=small} (the benchmark) as in their 512 MB containers
     * ({@link ServiceProcess#SMALL}); otherwise with a 384 MB heap, room for the system tests' heaviest scenarios.
     */
    private static final List<String> JVM_OPTIONS = "small".equals(System.getProperty("service.jvm"))
            ? ServiceProcess.SMALL : List.of("-Xmx384m");
    public static final List<String> QUEUES = List.of("incoming_messages", "outgoing_messages", "outgoing_follow_ups",
            "voice_transcription");

    private final Map<String, String> environment;
    private ServiceProcess gateway;
    private ServiceProcess agent;
    private Duration gatewayStart;
    private Duration agentStart;

    private RunningSystem(Map<String, String> environment, ServiceProcess gateway, ServiceProcess agent,
            Duration gatewayStart, Duration agentStart) {
        this.environment = environment;
        this.gateway = gateway;
        this.agent = agent;
        this.gatewayStart = gatewayStart;
        this.agentStart = agentStart;
    }

    /** Something done on the broker before the services start (the queues of this run are deleted by then). */
    @FunctionalInterface
    public interface BrokerSetup {
        void prepare(Channel channel) throws Exception;
    }

    public static RunningSystem start(Map<String, String> extraEnvironment) throws Exception {
        return start(extraEnvironment, channel -> { });
    }

    /** Both services on fresh databases, after {@code setup} prepared the broker (e.g. declared queues the old way). */
    public static RunningSystem start(Map<String, String> extraEnvironment, BrokerSetup setup) throws Exception {
        recreateDatabases();
        deleteQueues();
        try (com.rabbitmq.client.Connection connection = broker(); Channel channel = connection.createChannel()) {
            setup.prepare(channel);
        }
        if (!"false".equals(extraEnvironment.get(CLASS_DATA_SHARING))) {
            // both trained (a new build's first start only) before either starts: the starts are timed together
            prepared("gateway");
            prepared("agent");
        }
        ServiceProcess gateway = startService("gateway", "gateway", GATEWAY_DB, extraEnvironment);
        // the agent fetches the large files the gateway keeps from this gateway (a restarted gateway gets another port)
        Map<String, String> agentEnvironment = new HashMap<>(extraEnvironment);
        agentEnvironment.putIfAbsent("GATEWAY_URL", gateway.baseUri().toString());
        ServiceProcess agent = startService("agent", "agent", AGENT_DB, agentEnvironment);
        try {
            Duration gatewayStart = gateway.awaitHealthy(Duration.ofMinutes(3));
            Duration agentStart = agent.awaitHealthy(Duration.ofMinutes(3));
            return new RunningSystem(Map.copyOf(extraEnvironment), gateway, agent, gatewayStart, agentStart);
        } catch (RuntimeException | InterruptedException e) {
            gateway.close();
            agent.close();
            throw e;
        }
    }

    /**
     * What points both services at these fakes, as most system tests run them: Wappi polled every second, bursts
     * closed after one; {@code variables} (name, value, name, value, ...) add to it or replace.
     */
    public static Map<String, String> against(FakeWappi wappi, FakeGemini gemini, String... variables) {
        if (variables.length % 2 != 0) {
            throw new IllegalArgumentException("variables come as name, value pairs");
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("WAPPI_BASE_URL", wappi.baseUri().toString());
        environment.put("WAPPI_TOKEN", wappi.token());
        environment.put("WAPPI_PROFILE_ID", "test-profile");
        environment.put("GEMINI_BASE_URL", gemini.baseUri().toString());
        environment.put("GEMINI_API_KEY", gemini.apiKey());
        environment.put("POLLING_INTERVAL", "1");
        environment.put("MESSAGE_GROUP_TIMEOUT", "1");
        for (int i = 0; i < variables.length; i += 2) {
            environment.put(variables[i], variables[i + 1]);
        }
        return environment;
    }

    /** Stops the system, when it started, then the fakes. */
    public static void stop(RunningSystem system, AutoCloseable... fakes) throws Exception {
        if (system != null) {
            system.close();
        }
        for (AutoCloseable fake : fakes) {
            if (fake != null) {
                fake.close();
            }
        }
    }

    public ServiceProcess gateway() {
        return gateway;
    }

    public ServiceProcess agent() {
        return agent;
    }

    public Duration gatewayStart() {
        return gatewayStart;
    }

    public Duration agentStart() {
        return agentStart;
    }

    /** Stops a service (SIGTERM) and starts it again with these variables changed; returns the time to healthy. */
    public Duration restart(String service, Map<String, String> changes) throws Exception {
        Map<String, String> changed = new HashMap<>(environment);
        changed.putAll(changes);
        if ("gateway".equals(service)) {
            gateway.close();
            gateway = startService("gateway", "gateway", GATEWAY_DB, changed);
            gatewayStart = gateway.awaitHealthy(Duration.ofMinutes(3));
            return gatewayStart;
        }
        agent.close();
        agent = startService("agent", "agent", AGENT_DB, changed);
        agentStart = agent.awaitHealthy(Duration.ofMinutes(3));
        return agentStart;
    }

    /** Kills the service with SIGKILL, as a crash would, and starts it again; returns the time to healthy. */
    public Duration crashAndRestart(String service) throws Exception {
        if ("gateway".equals(service)) {
            gateway.kill();
            gateway = startService("gateway", "gateway", GATEWAY_DB, environment);
            return gateway.awaitHealthy(Duration.ofMinutes(3));
        }
        agent.kill();
        agent = startService("agent", "agent", AGENT_DB, environment);
        return agent.awaitHealthy(Duration.ofMinutes(3));
    }

    /** Starts one service; its output goes to {@code <logName>.log} in the system-logs folder. */
    public static ServiceProcess startService(String service, String logName, String database, Map<String, String> extraEnvironment)
            throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database);
        environment.put("RABBITMQ_URL", RABBITMQ);
        environment.put("QUEUE_INCOMING_MESSAGES", queue("incoming_messages"));
        environment.put("QUEUE_OUTGOING_MESSAGES", queue("outgoing_messages"));
        environment.put("QUEUE_OUTGOING_FOLLOW_UPS", queue("outgoing_follow_ups"));
        environment.put("QUEUE_VOICE_TRANSCRIPTION", queue("voice_transcription"));
        environment.put("LOG_DIR", log(logName).resolveSibling(logName + "-daily").toString());
        environment.put("ADMIN_API_KEY", ADMIN_KEY);
        // the fake Wappi's media links point at 127.0.0.1, which the gateway refuses outside tests
        environment.put("VOICE_ALLOW_PRIVATE_MEDIA_HOSTS", "true");
        // the scenarios time replies and the rate limit (TypingSystemIT turns typing on), and send more follow-ups to
        // customers who did not write lately than the cold budgets allow
        environment.put("TYPING_MS_PER_CHAR", "0");
        environment.put("COLD_SENDS_PER_HOUR", "10000");
        environment.put("COLD_SENDS_PER_DAY", "100000");
        if (JVM_OPTIONS == ServiceProcess.SMALL) {
            environment.putAll(ServiceProcess.SMALL_ENVIRONMENT);
        }
        environment.putAll(extraEnvironment);
        String fixedGatewayPort = environment.remove(GATEWAY_PORT);
        int port;
        if (fixedGatewayPort != null && "gateway".equals(service)) {
            port = Integer.parseInt(fixedGatewayPort.trim());
        } else {
            do {
                port = freePort();
            } while (fixedGatewayPort != null && String.valueOf(port).equals(fixedGatewayPort.trim()));
        }
        ClassDataSharing.Start start = "false".equals(environment.remove(CLASS_DATA_SHARING))
                ? new ClassDataSharing.Start(jar(service), JVM_OPTIONS) : prepared(service);
        return ServiceProcess.start(service, start.jar(), port, environment, log(logName), start.jvmOptions());
    }

    private static ClassDataSharing.Start prepared(String service) throws IOException {
        try {
            return ClassDataSharing.prepare(jar(service), JVM_OPTIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing " + service + "'s class-data-sharing archive", e);
        }
    }

    public static String queue(String name) {
        return PREFIX + name;
    }

    public static Path jar(String service) {
        return Path.of(System.getProperty(service + ".jar",
                service + "-routes/target/" + service + "-routes-exec.jar"));
    }

    public static Path log(String name) throws IOException {
        Path folder = Path.of(System.getProperty("system.logs", "target/system-logs"));
        Files.createDirectories(folder);
        return folder.resolve(name + ".log");
    }

    public static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(POSTGRES.replace("/postgres", "/" + name), "postgres", "");
    }

    public static com.rabbitmq.client.Connection broker() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RABBITMQ.substring(0, RABBITMQ.length() - 1)); // amqp-client reads a trailing "/" as vhost ""
        return factory.newConnection("system-test");
    }

    /** Messages waiting on this run's dead-letter queues, all queues together. */
    public static long deadLettered() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker(); Channel channel = connection.createChannel()) {
            long total = 0;
            for (String name : QUEUES) {
                total += channel.messageCount(queue(name) + ".dlq");
            }
            return total;
        }
    }

    private static void recreateDatabases() throws SQLException {
        recreateDatabase(GATEWAY_DB);
        recreateDatabase(AGENT_DB);
    }

    /** Drops and creates a database; the names are this class's own constants, never input. */
    public static void recreateDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        }
    }

    private static void deleteQueues() throws Exception {
        try (com.rabbitmq.client.Connection connection = broker(); Channel channel = connection.createChannel()) {
            for (String name : QUEUES) {
                channel.queueDelete(queue(name));
                channel.queueDelete(queue(name) + ".dlq");
            }
        }
    }

    /** A port free on this machine now, e.g. for {@link #GATEWAY_PORT}. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        agent.close();
    }
}
