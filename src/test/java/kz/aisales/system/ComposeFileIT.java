package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Closed infrastructure (issue "Privacy and hardening", item 2), read from docker-compose.yml without Docker: the
 * broker and the database publish no port, every password comes from the root .env with no default that works,
 * each service logs in as its own user, and every image (the Dockerfiles' too) is pinned to a version. The services
 * scale ({@code docker compose up --scale gateway-routes=2 --scale agent-routes=3}): they publish no host port and
 * name no container; the edge publishes 8000 and 8001 and its HAProxy configuration (checked by HAProxy itself when it
 * is installed, as {@code .ci/run} does) sends them to those services.
 */
class ComposeFileIT {

    /** {@code ${NAME:?message}}: compose refuses to start when NAME is unset or empty. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern PASSWORD_LIKE = Pattern.compile("PASSWORD|SECRET|TOKEN|KEY");
    /** scheme://user:password@host... */
    private static final Pattern CREDENTIALS = Pattern.compile("[a-z]+://([^:@/]+):(.+)@[^@]+");

    static String text;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        text = Files.readString(Path.of("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(text).get("services");
    }

    @Test
    void theBrokerAndTheDatabasePublishNoPort() {
        assertThat(services).containsKeys("rabbitmq", "postgres");
        assertThat(services.get("rabbitmq")).doesNotContainKey("ports");
        assertThat(services.get("postgres")).doesNotContainKey("ports");
    }

    @Test
    void theServicesScaleBehindTheEdgeWhichAloneOwnsTheirPorts() throws Exception {
        for (String service : List.of("gateway-routes", "agent-routes")) {
            assertThat(services.get(service)).as(service).doesNotContainKeys("ports", "container_name", "hostname");
        }
        assertThat(services.get("edge").get("ports")).isEqualTo(List.of("8000:8000", "8001:8001"));
        Path config = Path.of("docker/edge/haproxy.cfg");
        assertThat(Files.readString(config))
                .containsPattern("bind :8000\\s+default_backend gateway-routes")
                .containsPattern("bind :8001\\s+default_backend agent-routes")
                .containsPattern("server-template \\w+ \\d+ gateway-routes:8000")
                .containsPattern("server-template \\w+ \\d+ agent-routes:8001")
                .contains("option httpchk GET /health");
        assertThat(String.valueOf(((List<?>) services.get("edge").get("volumes")).get(0))).startsWith("./" + config + ":");
        Path haproxy = Path.of("/usr/sbin/haproxy");
        if (Files.isExecutable(haproxy)) {
            Process check = new ProcessBuilder(haproxy.toString(), "-c", "-f", config.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(output).isZero();
        }
    }

    @Test
    void everyPasswordIsARequiredVariableOfTheSameName() {
        services.forEach((name, service) -> environment(service).forEach((key, value) -> {
            if (PASSWORD_LIKE.matcher(key).find()) {
                assertThat(value).as(name + " " + key).matches("\\$\\{" + key + ":\\?[^}]+}");
            }
            Matcher credentials = CREDENTIALS.matcher(value);
            if (credentials.matches()) {
                assertThat(credentials.group(2)).as(name + " " + key + ": its password").matches(REQUIRED);
            }
        }));
    }

    @Test
    void theServicesLogInAsTheirOwnUsers() {
        Map<String, String> gateway = environment(services.get("gateway-routes"));
        Map<String, String> agent = environment(services.get("agent-routes"));
        assertThat(withoutMessages(gateway.get("DATABASE_URL")))
                .isEqualTo("postgresql://gateway:${GATEWAY_DB_PASSWORD}@postgres:5432/whatsapp_gateway");
        assertThat(withoutMessages(gateway.get("RABBITMQ_URL")))
                .isEqualTo("amqp://gateway:${GATEWAY_BROKER_PASSWORD}@rabbitmq:5672/");
        assertThat(withoutMessages(agent.get("DATABASE_URL")))
                .isEqualTo("postgresql://agent:${AGENT_DB_PASSWORD}@postgres:5432/ai_agent");
        assertThat(withoutMessages(agent.get("RABBITMQ_URL")))
                .isEqualTo("amqp://agent:${AGENT_BROKER_PASSWORD}@rabbitmq:5672/");
        // the users exist because the broker and the database are given the same passwords
        assertThat(environment(services.get("rabbitmq"))).containsKeys("GATEWAY_BROKER_PASSWORD", "AGENT_BROKER_PASSWORD");
        assertThat(environment(services.get("postgres"))).containsKeys("GATEWAY_DB_PASSWORD", "AGENT_DB_PASSWORD");
    }

    @Test
    void noVariableHasADefaultAndTheEnvExampleListsEachOneEmpty() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher variable = ANY_VARIABLE.matcher(text);
        while (variable.find()) {
            Matcher required = REQUIRED.matcher(variable.group());
            assertThat(required.matches()).as(variable.group() + " must be ${NAME:?message}").isTrue();
            used.add(required.group(1));
        }
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(used);
        assertThat(example.values()).as("a copy not filled in must not start").allMatch(String::isEmpty);
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        List<String> images = new ArrayList<>(services.values().stream()
                .map(service -> (String) service.get("image")).filter(Objects::nonNull).toList());
        for (String dockerfile : List.of("gateway-routes/Dockerfile", "agent-routes/Dockerfile")) {
            Files.readAllLines(Path.of(dockerfile)).stream().filter(line -> line.startsWith("FROM "))
                    .forEach(line -> images.add(line.split("\\s+")[1]));
        }
        assertThat(images).hasSize(7).allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf(':') + 1);
            // PostgreSQL numbers its releases major.minor (15.19); the others major.minor.patch
            String version = image.startsWith("postgres:") ? "\\d+\\.\\d+" : "\\d+\\.\\d+\\.\\d+";
            assertThat(tag).as(image).matches(version + "([-_].+)?");
        });
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            list.forEach(entry -> {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return environment;
    }

    /** {@code ${NAME:?message}} becomes {@code ${NAME}}; anything else stays as it is. */
    private static String withoutMessages(String value) {
        return REQUIRED.matcher(value).replaceAll(match -> Matcher.quoteReplacement("${" + match.group(1) + "}"));
    }
}
