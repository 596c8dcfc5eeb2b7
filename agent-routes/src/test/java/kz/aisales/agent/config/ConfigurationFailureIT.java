package kz.aisales.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.aisales.agent.AgentApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A broken variable stops the service at start with one line naming that variable. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureIT {

    @Test
    void followUpIntervalsThatAreNotNumbersNameTheVariable(CapturedOutput output) {
        assertStartFails("FOLLOW_UP_INTERVALS=abc");
        assertThat(output).contains("Invalid configuration: FOLLOW_UP_INTERVALS='abc'");
    }

    @Test
    void workingHourOutOfRangeNamesTheVariableAndTheRule(CapturedOutput output) {
        assertStartFails("WORKING_HOURS_START=25");
        assertThat(output).contains("Invalid configuration: WORKING_HOURS_START='25' (must be less than or equal to 23)");
    }

    @Test
    void workingDayThatEndsBeforeItStartsNamesTheEnd(CapturedOutput output) {
        assertStartFails("WORKING_HOURS_START=18", "WORKING_HOURS_END=10");
        assertThat(output).contains("Invalid configuration: WORKING_HOURS_END='10' (must be after the start of working hours)");
    }

    @Test
    void everyBrokenVariableIsNamedOnTheSameLine(CapturedOutput output) {
        assertStartFails("WORKING_HOURS_START=-1", "WORKING_HOURS_END=30");
        assertThat(output).contains("Invalid configuration: WORKING_HOURS_END='30' (must be less than or equal to 24);"
                + " WORKING_HOURS_START='-1' (must be greater than or equal to 0)");
    }

    @Test
    void unknownTimeZoneNamesTheVariable(CapturedOutput output) {
        assertStartFails("TIMEZONE=Mars/Base");
        assertThat(output).contains("Invalid configuration: TIMEZONE='Mars/Base'");
    }

    @Test
    void followUpCronThatQuartzCannotReadNamesTheVariable(CapturedOutput output) {
        assertStartFails("FOLLOW_UP_CRON=every 5 minutes");
        assertThat(output).contains("Invalid configuration: FOLLOW_UP_CRON='every 5 minutes' (is not a valid Quartz cron expression)");
    }

    @Test
    void aHolidayThatIsNotADateNamesTheVariable(CapturedOutput output) {
        assertStartFails("HOLIDAYS=2026-01-01,2026-13-01");
        assertThat(output).contains("Invalid configuration: HOLIDAYS='2026-01-01,2026-13-01'");
    }

    private static void assertStartFails(String... variables) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AgentApplication.class)
                .profiles("test")
                .properties(variables)
                .properties("server.port=0")
                .run().close())
                .isInstanceOf(Exception.class);
    }
}
