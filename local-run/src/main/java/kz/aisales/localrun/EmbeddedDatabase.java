package kz.aisales.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** PostgreSQL binaries from a jar, with their data under a folder of ours so it survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataFolder, int port) throws IOException {
        Path data = dataFolder.resolve("postgres");
        Path runtime = dataFolder.resolve("postgres-runtime");
        Files.createDirectories(data);
        Files.createDirectories(runtime);
        return new EmbeddedDatabase(EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setPort(port)
                .start());
    }

    /** Creates the database when it does not exist yet and returns its DATABASE_URL. */
    String ensureDatabase(String name) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet result = query.executeQuery()) {
                    exists = result.next();
                }
            }
            if (!exists) {
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        }
        return "postgresql://postgres@localhost:" + postgres.getPort() + "/" + name;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
