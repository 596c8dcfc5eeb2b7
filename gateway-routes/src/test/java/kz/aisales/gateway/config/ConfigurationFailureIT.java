package kz.aisales.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.aisales.gateway.GatewayApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A broken variable stops the service at start with one line naming that variable. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationFailureIT {

    @Test
    void nonNumericPollingIntervalNamesTheVariable(CapturedOutput output) {
        assertStartFails("POLLING_INTERVAL=abc");
        assertThat(output).contains("Invalid configuration: POLLING_INTERVAL='abc'");
    }

    @Test
    void outOfRangePollingIntervalNamesTheVariableAndTheRule(CapturedOutput output) {
        assertStartFails("POLLING_INTERVAL=0");
        assertThat(output).contains("Invalid configuration: POLLING_INTERVAL='0' (must be greater than or equal to 1)");
    }

    @Test
    void baseUrlThatIsNotAUrlNamesTheVariable(CapturedOutput output) {
        assertStartFails("WAPPI_BASE_URL=wappi.pro");
        assertThat(output).contains("Invalid configuration: WAPPI_BASE_URL='wappi.pro' (must be an http(s) URL)");
    }

    private static void assertStartFails(String variable) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                .properties(variable, "server.port=0")
                .run().close())
                .isInstanceOf(Exception.class);
    }
}
