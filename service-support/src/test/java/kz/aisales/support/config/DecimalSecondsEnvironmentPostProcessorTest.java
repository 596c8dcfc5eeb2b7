package kz.aisales.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class DecimalSecondsEnvironmentPostProcessorTest {

    @Test
    void theOriginalsDecimalSecondsBecomeWhatSpringReads() {
        MockEnvironment environment = new MockEnvironment().withProperty("MESSAGE_GROUP_TIMEOUT", "4.0")
                .withProperty("MIN_REPLY_INTERVAL", "1.5").withProperty("POLLING_INTERVAL", "5.0")
                .withProperty("CONTACT_LOCK_LEASE", "30").withProperty("group.timeout", "${MESSAGE_GROUP_TIMEOUT:4}");

        new DecimalSecondsEnvironmentPostProcessor(type -> new NoOpLog()).postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("MESSAGE_GROUP_TIMEOUT")).isEqualTo("4000ms");
        assertThat(DurationStyle.detectAndParse(environment.getProperty("MIN_REPLY_INTERVAL"))).isEqualTo(Duration.ofMillis(1500));
        assertThat(environment.getProperty("POLLING_INTERVAL")).isEqualTo("5");
        assertThat(environment.getProperty("CONTACT_LOCK_LEASE")).as("a whole number is left alone").isEqualTo("30");
        assertThat(Binder.get(environment).bind("group.timeout", Duration.class).get()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anEnvironmentVariableThatNamesThePropertyItselfIsConvertedToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("POLLING_INTERVAL", "5.0")));

        new DecimalSecondsEnvironmentPostProcessor(type -> new NoOpLog()).postProcessEnvironment(environment, null);

        assertThat(Binder.get(environment).bind("polling.interval", Integer.class).get()).isEqualTo(5);
    }

    @Test
    void aFractionOfAWholeSecondsSettingIsRoundedUpWithAWarning() {
        List<String> warnings = new ArrayList<>();
        Log log = new NoOpLog() {
            @Override
            public void warn(Object message) {
                warnings.add(String.valueOf(message));
            }
        };

        Map<String, Object> converted = DecimalSecondsEnvironmentPostProcessor.converted(
                Map.of("SEND_MIN_GAP_SECONDS", "2.5", "POLLING_INTERVAL", "abc")::get, log);

        assertThat(converted).containsExactly(Map.entry("SEND_MIN_GAP_SECONDS", "3"));
        assertThat(warnings).singleElement().asString().contains("SEND_MIN_GAP_SECONDS=2.5").contains("3 is used");
    }
}
