package kz.aisales.support.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a configuration binding or validation failure into one line that names the environment
 * variable the operator set, e.g. {@code Invalid configuration: POLLING_INTERVAL='abc' (...)}.
 */
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z0-9_]+)");

    private final Environment environment;

    public ConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        List<String> problems = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        if (cause.getCause() instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                String property = validation.getValidationErrors().getName()
                        + (error instanceof FieldError field ? "." + dashed(field.getField()) : "");
                Object rejected = error instanceof FieldError field ? field.getRejectedValue() : null;
                String variable = variableFor(property);
                variables.add(variable);
                problems.add(variable + "='" + environment.getProperty(property, String.valueOf(rejected)) + "' ("
                        + error.getDefaultMessage() + ")");
            }
        }
        if (problems.isEmpty()) {
            String property = cause.getName().toString();
            String variable = variableFor(property);
            variables.add(variable);
            problems.add(variable + "='" + environment.getProperty(property) + "' (" + rootMessage(cause) + ")");
        }
        Collections.sort(problems);
        return new FailureAnalysis("Invalid configuration: " + String.join("; ", problems),
                "Fix " + String.join(", ", variables) + " (see .env.example for the expected form) and start again.", cause);
    }

    private String variableFor(String property) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                Object raw = source.getProperty(property);
                if (raw instanceof OriginTrackedValue tracked) {
                    raw = tracked.getValue();
                }
                if (raw != null) {
                    Matcher matcher = PLACEHOLDER.matcher(raw.toString());
                    return matcher.find() ? matcher.group(1) : property;
                }
            }
        }
        return property;
    }

    private static String dashed(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
    }
}
