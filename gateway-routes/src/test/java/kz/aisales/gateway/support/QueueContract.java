package kz.aisales.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The queue contract of the repository ({@code docs/queues}): its JSON Schemas and its sample messages. */
public final class QueueContract {

    public static final Path DIRECTORY = Path.of("..", "docs", "queues");

    private QueueContract() {
    }

    public static Schema schema(String name) {
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve(name + ".schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample files whose names start with {@code prefix}. */
    public static List<Path> samples(String prefix) {
        try (Stream<Path> files = Files.list(DIRECTORY.resolve("samples"))) {
            List<Path> samples = files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertThat(samples).as("samples %s* in %s", prefix, DIRECTORY).isNotEmpty();
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(Schema schema, JsonNode message) {
        assertThat(schema.validate(message)).as("schema errors for %s", message).isEmpty();
    }
}
