package kz.aisales.agent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Creates the test database ({@code ai_agent_test}, the test profile's) before the first test when it does not exist,
 * so {@code mvn verify} needs nothing prepared beyond a running PostgreSQL (registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}).
 */
public class TestDatabase implements LauncherSessionListener {

    static final String NAME = "ai_agent_test";
    private static final String SERVER = "jdbc:postgresql://localhost:5432/postgres";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, NAME);
            try (ResultSet found = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!found.next()) {
                    create.execute("CREATE DATABASE " + NAME);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database " + NAME + " on " + SERVER
                    + " (is PostgreSQL running?): " + e.getMessage(), e);
        }
    }
}
