package kz.aisales.support.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Accepts the original system's format for durations given in seconds: decimal numbers ({@code MESSAGE_GROUP_TIMEOUT=4.0},
 * {@code 1.5}), which Spring's duration and number binding refuse. A variable read as a duration becomes milliseconds
 * ({@code 1500ms}); one read as whole seconds becomes the whole number ({@code 5.0} -> {@code 5}), and a fraction there
 * is rounded up, with a warning. Added first, as environment variables are read, so both the services'
 * {@code ${VARIABLE:default}} placeholders and relaxed binding ({@code POLLING_INTERVAL} is {@code polling.interval})
 * see the converted value; anything else is left as it is.
 */
public class DecimalSecondsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Named like an environment source ("...-systemEnvironment"), which is what makes Spring Boot bind it relaxed. */
    static final String SOURCE_NAME = "decimalSeconds-systemEnvironment";
    /** Read as {@code Duration} with seconds as the unit. */
    static final List<String> DURATIONS = List.of("MESSAGE_GROUP_TIMEOUT", "CONTACT_LOCK_LEASE", "MIN_REPLY_INTERVAL",
            "FOLLOW_UP_CLAIM_LEASE");
    /** Read as a whole number of seconds. */
    static final List<String> WHOLE_SECONDS = List.of("POLLING_INTERVAL", "SEND_RATE_PERIOD_SECONDS", "SEND_MIN_GAP_SECONDS",
            "WAPPI_MAX_RETRY_AFTER_SECONDS");
    private static final Pattern DECIMAL = Pattern.compile("\\s*\\d+\\.\\d*\\s*");

    private final Log log;

    public DecimalSecondsEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DecimalSecondsEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> converted = converted(environment::getProperty, log);
        if (!converted.isEmpty()) {
            // read like the environment itself, so POLLING_INTERVAL also stands for polling.interval (relaxed binding)
            environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(SOURCE_NAME, converted));
        }
    }

    static Map<String, Object> converted(java.util.function.Function<String, String> variables, Log log) {
        Map<String, Object> converted = new HashMap<>();
        for (String name : DURATIONS) {
            String value = variables.apply(name);
            if (value != null && DECIMAL.matcher(value).matches()) {
                converted.put(name, new BigDecimal(value.strip()).movePointRight(3).setScale(0, RoundingMode.HALF_UP) + "ms");
            }
        }
        for (String name : WHOLE_SECONDS) {
            String value = variables.apply(name);
            if (value != null && DECIMAL.matcher(value).matches()) {
                BigDecimal seconds = new BigDecimal(value.strip());
                BigDecimal whole = seconds.setScale(0, RoundingMode.CEILING);
                if (whole.compareTo(seconds) != 0) {
                    log.warn(name + "=" + value.strip() + ": this setting counts whole seconds; " + whole + " is used");
                }
                converted.put(name, whole.toPlainString());
            }
        }
        return converted;
    }
}
