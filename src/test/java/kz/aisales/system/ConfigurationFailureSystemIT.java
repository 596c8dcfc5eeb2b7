package kz.aisales.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kz.aisales.localrun.ServiceProcess;

import org.junit.jupiter.api.Test;

/** The real jar, started with a broken variable, exits by itself with one line naming it. */
class ConfigurationFailureSystemIT {

    @Test
    void agentWithAnUnknownTimeZoneExitsNamingTheVariable() throws Exception {
        Path log = RunningSystem.log("agent-bad-timezone");
        Files.deleteIfExists(log);
        RunningSystem.recreateDatabase(RunningSystem.AGENT_DB + "_config");
        ServiceProcess agent = RunningSystem.startService("agent", "agent-bad-timezone", RunningSystem.AGENT_DB + "_config",
                Map.of("TIMEZONE", "Mars/Base"));
        try {
            assertThat(agent.process().waitFor(2, TimeUnit.MINUTES)).as("agent exited by itself").isTrue();
            assertThat(agent.process().exitValue()).isNotZero();
        } finally {
            agent.close();
        }
        assertThat(Files.readString(log)).contains("Invalid configuration: TIMEZONE='Mars/Base'");
    }
}
