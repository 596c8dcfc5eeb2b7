package kz.aisales.localrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service jar made to start faster with class-data sharing, the way the Dockerfiles do it: the executable jar
 * extracted by Spring Boot ({@code -Djarmode=tools extract}: a plain jar plus {@code lib/}, which the JVM can archive
 * classes from; nested jars it cannot), and an archive of every class a training run loads while it builds the
 * application context ({@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh}; Flyway off, so
 * it needs no database, broker or Wappi). A start then maps those classes instead of reading, parsing and verifying
 * them. Made once per jar content (its SHA-256; the builds are reproducible), under a file lock, so services started
 * together train once; kept under {@code target/cds/} next to the jar.
 */
public final class ClassDataSharing {

    /** A start with the archive: the extracted jar to run and the options that map the archive. */
    public record Start(Path jar, List<String> jvmOptions) {
    }

    private static final String ARCHIVE = "app.jsa";
    private static final String SOURCE = "source.sha256";
    private static final long TRAINING_MINUTES = 3;
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private ClassDataSharing() {
    }

    /**
     * Extracts {@code jar} and trains its archive unless both exist for this content already; {@code jvmOptions} are
     * the ones the service will run with (the training uses them too).
     */
    public static Start prepare(Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        Layout layout = new Layout(jar);
        Files.createDirectories(layout.folder().getParent());
        try (FileChannel lockFile = FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!layout.current()) {
                train(layout, jvmOptions);
            }
        }
        return layout.start(jvmOptions);
    }

    /** The start with the archive if this jar's is trained already, without training it. */
    public static Optional<Start> trained(Path jar, List<String> jvmOptions) throws IOException {
        Layout layout = new Layout(jar);
        return layout.current() ? Optional.of(layout.start(jvmOptions)) : Optional.empty();
    }

    private static void train(Layout layout, List<String> jvmOptions) throws IOException, InterruptedException {
        Path folder = layout.folder();
        deleteRecursively(folder);
        Files.createDirectories(folder);
        run(layout.log("extract"), List.of(java(), "-Djarmode=tools", "-jar", layout.jar().toString(),
                "extract", "--destination", folder.toString()));
        List<String> training = new ArrayList<>(List.of(java()));
        training.addAll(jvmOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + layout.archive(), "-Dspring.context.exit=onRefresh",
                "-Dspring.flyway.enabled=false", "-Dlogs.dir=" + folder.resolve("training-logs"),
                "-jar", layout.extracted().toString()));
        run(layout.log("training"), training);
        if (!Files.isRegularFile(layout.archive())) {
            throw new IllegalStateException("the training run wrote no archive: see " + layout.log("training"));
        }
        Files.writeString(layout.stamp(), sha256(layout.jar()));
    }

    /** Where a jar's extracted copy, archive and stamp live: {@code target/cds/<jar name>/} beside the jar. */
    private record Layout(Path jar, Path folder) {

        Layout(Path jar) {
            this(jar.toAbsolutePath(), jar.toAbsolutePath().getParent().resolve("cds")
                    .resolve(jar.getFileName().toString().replaceFirst("\\.jar$", "")));
        }

        Path extracted() {
            return folder.resolve(jar.getFileName());
        }

        Path archive() {
            return folder.resolve(ARCHIVE);
        }

        Path stamp() {
            return folder.resolve(SOURCE);
        }

        Path lock() {
            return folder.resolveSibling(folder.getFileName() + ".lock");
        }

        /** A step's output, beside the folder (the extraction wants an empty one). */
        Path log(String step) {
            return folder.resolveSibling(folder.getFileName() + "-" + step + ".log");
        }

        /** Whether the archive was trained on this very content. */
        boolean current() throws IOException {
            return Files.isRegularFile(archive()) && Files.isRegularFile(extracted()) && Files.isRegularFile(stamp())
                    && Files.readString(stamp()).equals(sha256(jar));
        }

        Start start(List<String> jvmOptions) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-XX:SharedArchiveFile=" + archive());
            return new Start(extracted(), options);
        }
    }

    private static void run(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("timed out after " + TRAINING_MINUTES + " min: see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exited with code " + process.exitValue() + ": see " + log);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The content's hash, computed once per file, size and modification time in this JVM. */
    private static String sha256(Path file) throws IOException {
        String key = file.toAbsolutePath() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        String known = HASHES.get(key);
        if (known == null) {
            known = digest(file);
            HASHES.put(key, known);
        }
        return known;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
