package kz.aisales.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Figures measured by the tests, printed and appended to {@code target/measurements.txt}. */
public final class Measurements {

    private static final Path FILE = Path.of("target", "measurements.txt");

    private Measurements() {
    }

    public static void record(String line) {
        System.out.println("MEASUREMENT " + line);
        try {
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
