package kz.aisales.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service (an executable Spring Boot jar) as a child process with its own environment, as it
 * runs in production. Used by the local launcher and by the system tests.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * A service as the Dockerfiles run it in its 512 MB container: a 180 MB heap (their {@code MaxRAMPercentage=35}),
     * the serial collector (what the JVM picks there anyway, made explicit), the client compiler only (less code
     * cache and compiler memory, a faster start; the services wait on the network, not on CPU) and smaller stacks.
     */
    public static final List<String> SMALL = List.of("-Xmx180m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m", "-Xss512k");

    /** With {@link #SMALL}: glibc's malloc keeps two arenas instead of eight per core, a few MB each, for 100+ threads. */
    public static final Map<String, String> SMALL_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final Process process;
    private final int port;
    private final Instant started;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.started = Instant.now();
    }

    /**
     * Starts {@code java -jar jar} with the parent's environment plus {@code environment};
     * output goes to {@code log} when given, else to this process's console.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment,
            Path log, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("HEALTH_CHECK_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        if (log == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        return new ServiceProcess(name, builder.start(), port);
    }

    /**
     * Waits until {@code GET /health} answers 200; fails early when the process dies. Returns the time from the
     * process's start to its first healthy answer.
     */
    public Duration awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + " before it became healthy");
            }
            if (healthStatus() == 200) {
                return Duration.between(started, Instant.now());
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout);
    }

    /** The HTTP status of {@code GET /health}, or -1 when nothing answers. */
    public int healthStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(baseUri().resolve("/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    /** Resident memory in MB, read from /proc (Linux), or -1 elsewhere. */
    public long residentMemoryMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL after the grace period. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
