package kz.aisales.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

/**
 * Apache Qpid Broker-J speaking AMQP 0-9-1 in this JVM, with guest/guest and any virtual host name
 * mapped to its one virtual host, so the services connect to it exactly as to RabbitMQ.
 */
final class EmbeddedBroker implements AutoCloseable {

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    static EmbeddedBroker start(Path dataFolder, int port) throws Exception {
        Path work = dataFolder.resolve("broker");
        Files.createDirectories(work);
        EmbeddedBroker broker = new EmbeddedBroker(port);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation",
                EmbeddedBroker.class.getResource("/qpid-initial-config.json").toExternalForm());
        // real URLs: Qpid's own "classpath:" handler is not reachable from inside an executable jar
        attributes.put("initialSystemPropertiesLocation",
                EmbeddedBroker.class.getResource("/qpid-system.properties").toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.amqp_port", String.valueOf(port),
                "qpid.work_dir", work.toAbsolutePath().toString()));
        broker.launcher.startup(attributes);
        return broker;
    }

    String url() {
        return "amqp://guest:guest@localhost:" + port + "/";
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
