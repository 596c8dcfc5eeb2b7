package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aisales.localrun.ClassDataSharing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services start with their classes mapped from a class-data-sharing archive: the launcher's and the system
 * tests' way ({@link ClassDataSharing}) and the Dockerfiles' (their own commands, run here without Docker). Each start
 * stops once the context is built ({@code spring.context.exit=onRefresh}), which is where the archive's classes load.
 */
class ClassDataSharingIT {

    private static final String MAIN = "kz.aisales.gateway.GatewayApplication";

    @TempDir
    Path work;

    @Test
    void theLauncherTrainsOnceAndItsStartsLoadTheApplicationFromTheArchive() throws Exception {
        ClassDataSharing.Start start = ClassDataSharing.prepare(RunningSystem.jar("gateway"), List.of("-Xmx384m"));
        Path archive = Path.of(start.jvmOptions().get(start.jvmOptions().size() - 1).split("=", 2)[1]);
        FileTime trained = Files.getLastModifiedTime(archive);

        ClassDataSharing.Start again = ClassDataSharing.prepare(RunningSystem.jar("gateway"), List.of("-Xmx384m"));

        assertThat(again).isEqualTo(start);
        assertThat(Files.getLastModifiedTime(archive)).as("the same jar is not trained again").isEqualTo(trained);
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(start.jvmOptions());
        command.add("-jar");
        command.add(start.jar().toString());
        assertThat(sourceOfMain(command, "")).isEqualTo("shared objects file (top)");
    }

    @Test
    void theDockerfilesCommandsMakeAnArchiveTheirEntrypointUses() throws Exception {
        String dockerfile = Files.readString(Path.of("gateway-routes/Dockerfile"));
        assertThat(cdsLines(Files.readString(Path.of("agent-routes/Dockerfile")))).as("both images do it alike")
                .isEqualTo(cdsLines(dockerfile));
        Files.copy(RunningSystem.jar("gateway"), work.resolve("app.jar"));
        Matcher build = Pattern.compile("(?m)^RUN (java -Djarmode=tools(?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(dockerfile);
        assertThat(build.find()).as("the RUN that extracts and trains").isTrue();
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(dockerfile);
        assertThat(options.find()).isTrue();

        ProcessBuilder building = new ProcessBuilder("sh", "-c", build.group(1).replace("/tmp/", work + "/tmp-").replace("/app/", work + "/"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("build.log").toFile());
        building.environment().put("JAVA_TOOL_OPTIONS", options.group(1));
        Process training = building.start();
        assertThat(training.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(training.exitValue()).as(Files.readString(work.resolve("build.log"))).isZero();

        Matcher entrypoint = Pattern.compile("exec java ([^\"]+)\"").matcher(dockerfile);
        assertThat(entrypoint.find()).isTrue();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(entrypoint.group(1).replace("/app/", work + "/").split(" ")));
        assertThat(sourceOfMain(command, options.group(1))).isEqualTo("shared objects file (top)");
    }

    /**
     * Where the JVM running {@code command} with these {@code JAVA_TOOL_OPTIONS} (stopped once its context is built)
     * took the application's main class from.
     */
    private String sourceOfMain(List<String> command, String toolOptions) throws Exception {
        Path classes = work.resolve("class-load-" + System.nanoTime() + ".txt");
        List<String> run = new ArrayList<>(command);
        int jar = run.indexOf("-jar");
        run.addAll(jar, List.of("-Xlog:class+load=info:file=" + classes, "-Dspring.context.exit=onRefresh",
                "-Dspring.flyway.enabled=false", "-Dlogs.dir=" + work.resolve("logs")));
        ProcessBuilder builder = new ProcessBuilder(run).redirectErrorStream(true)
                .redirectOutput(work.resolve("run.log").toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("run.log"))).isZero();
        return Files.readAllLines(classes).stream().filter(line -> line.contains(" " + MAIN + " source: ")).findFirst()
                .map(line -> line.substring(line.indexOf(" source: ") + 9)).orElse("not loaded");
    }

    /** The Dockerfile's lines about the archive, the module's own names left out. */
    private static List<String> cdsLines(String dockerfile) {
        return dockerfile.lines().filter(line -> line.contains("jsa") || line.contains("jarmode") || line.contains("training"))
                .toList();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
