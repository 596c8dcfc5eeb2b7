package kz.aisales.localrun;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the whole system on one machine with nothing installed: an embedded PostgreSQL (data kept
 * under {@code LOCAL_DATA_DIR}) unless {@code DATABASE_URL} is set, an embedded AMQP 0-9-1 broker
 * unless {@code RABBITMQ_URL} is set, then the gateway and the agent as child processes. Ctrl-C
 * stops the services gracefully, then the broker and the database.
 */
public final class LocalRun {

    private final List<AutoCloseable> running = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        LocalRun run = new LocalRun();
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-shutdown"));
        System.exit(run.start(System.getenv()));
    }

    private int start(Map<String, String> env) throws Exception {
        Path data = Path.of(env.getOrDefault("LOCAL_DATA_DIR", "data")).toAbsolutePath();
        Files.createDirectories(data);
        boolean sharing = !"false".equalsIgnoreCase(env.getOrDefault("CLASS_DATA_SHARING", "true").trim());
        Path gatewayJar = jar(env, "GATEWAY_JAR", "gateway-routes");
        Path agentJar = jar(env, "AGENT_JAR", "agent-routes");

        String gatewayDb = env.get("GATEWAY_DATABASE_URL");
        String agentDb = env.get("AGENT_DATABASE_URL");
        if (gatewayDb == null || agentDb == null) {
            String shared = env.get("DATABASE_URL");
            if (shared != null && !shared.isBlank()) {
                gatewayDb = Objects.requireNonNullElse(gatewayDb, withDatabase(shared, "whatsapp_gateway"));
                agentDb = Objects.requireNonNullElse(agentDb, withDatabase(shared, "ai_agent"));
            } else {
                EmbeddedDatabase database = EmbeddedDatabase.start(data, port(env, "LOCAL_PG_PORT", 54329));
                running.add(database);
                gatewayDb = Objects.requireNonNullElse(gatewayDb, database.ensureDatabase("whatsapp_gateway"));
                agentDb = Objects.requireNonNullElse(agentDb, database.ensureDatabase("ai_agent"));
                log("embedded PostgreSQL up, data in " + data.resolve("postgres"));
            }
        }

        String rabbit = env.get("RABBITMQ_URL");
        if (rabbit == null || rabbit.isBlank()) {
            EmbeddedBroker broker = EmbeddedBroker.start(data, port(env, "LOCAL_AMQP_PORT", 5673));
            running.add(broker);
            rabbit = broker.url();
            log("embedded AMQP broker up at " + rabbit);
        }

        ClassDataSharing.Start gatewayStart = startOf(sharing, gatewayJar);
        ServiceProcess gateway = ServiceProcess.start("gateway", gatewayStart.jar(), port(env, "GATEWAY_PORT", 8000),
                small(Map.of("DATABASE_URL", gatewayDb, "RABBITMQ_URL", rabbit)), null, gatewayStart.jvmOptions());
        running.add(gateway);
        ClassDataSharing.Start agentStart = startOf(sharing, agentJar);
        ServiceProcess agent = ServiceProcess.start("agent", agentStart.jar(), port(env, "AGENT_PORT", 8001),
                small(Map.of("DATABASE_URL", agentDb, "RABBITMQ_URL", rabbit, "GATEWAY_URL", gateway.baseUri().toString())),
                null, agentStart.jvmOptions());
        running.add(agent);

        for (ServiceProcess service : List.of(gateway, agent)) {
            Duration took = service.awaitHealthy(Duration.ofMinutes(3));
            log(service.name() + " healthy at " + service.baseUri() + "/health after " + took.toMillis() / 1000.0 + " s");
        }
        log("running; Ctrl-C stops everything");
        if (sharing) {
            trainForTheNextStart(List.of(gatewayJar, agentJar));
        }

        CompletableFuture<Process> firstExit = CompletableFuture.anyOf(
                gateway.process().onExit(), agent.process().onExit()).thenApply(Process.class::cast);
        Process exited = firstExit.get();
        log((exited == gateway.process() ? "gateway" : "agent") + " exited with code " + exited.exitValue() + "; stopping");
        return exited.exitValue() == 0 ? 1 : exited.exitValue();
    }

    private synchronized void stop() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                log("while stopping: " + e);
            }
        }
        running.clear();
    }

    /** The same server and credentials with another database name. */
    static String withDatabase(String databaseUrl, String database) {
        URI uri = URI.create(databaseUrl.startsWith("jdbc:") ? databaseUrl.substring(5) : databaseUrl);
        String rebuilt = uri.getScheme() + "://" + (uri.getRawUserInfo() != null ? uri.getRawUserInfo() + "@" : "")
                + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/" + database
                + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
        return databaseUrl.startsWith("jdbc:") ? "jdbc:" + rebuilt : rebuilt;
    }

    /** A service jar's start: with its class-data-sharing archive when sharing is on and the archive is trained. */
    private static ClassDataSharing.Start startOf(boolean sharing, Path jar) throws IOException {
        ClassDataSharing.Start plain = new ClassDataSharing.Start(jar, ServiceProcess.SMALL);
        return sharing ? ClassDataSharing.trained(jar, ServiceProcess.SMALL).orElse(plain) : plain;
    }

    /**
     * A new build's first start runs the jars as they are, and trains their archives once the system is up, in the
     * background: the start after it maps them.
     */
    private static void trainForTheNextStart(List<Path> jars) {
        Thread training = new Thread(() -> {
            for (Path jar : jars) {
                try {
                    if (ClassDataSharing.trained(jar, ServiceProcess.SMALL).isEmpty()) {
                        long began = System.nanoTime();
                        ClassDataSharing.prepare(jar, ServiceProcess.SMALL);
                        log("class-data-sharing archive of " + jar.getFileName() + " trained in "
                                + (System.nanoTime() - began) / 100_000_000 / 10.0 + " s: the next start maps it");
                    }
                } catch (IOException | RuntimeException e) {
                    log("class-data-sharing archive of " + jar.getFileName() + " not trained: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "class-data-sharing-training");
        training.setDaemon(true);
        training.start();
    }

    /** A service's environment with {@link ServiceProcess#SMALL_ENVIRONMENT}. */
    private static Map<String, String> small(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(ServiceProcess.SMALL_ENVIRONMENT);
        all.putAll(environment);
        return all;
    }

    private static Path jar(Map<String, String> env, String variable, String module) {
        Path jar = Path.of(env.getOrDefault(variable, module + "/target/" + module + "-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " not found: build first with 'mvn -DskipTests package' (run-local.sh does)");
        }
        return jar;
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + variable + "='" + value + "': expected a port number");
        }
    }

    private static void log(String line) {
        System.out.println("[local-run] " + line);
    }
}
