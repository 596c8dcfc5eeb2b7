package kz.aisales.support.operations;

import java.util.regex.Pattern;

/**
 * What log lines must not show: phone numbers are cut to their first and last four digits
 * ({@code 77011110001} -> {@code 7701***0001}); values of keys, tokens and {@code Authorization} become
 * {@code ***}. Used by the logback converters of {@code logback-spring.xml}.
 */
public final class LogMasking {

    /** 10 to 16 digits standing alone (not inside an id such as {@code 3EB00000000000000001}). */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z-])(\\+?\\d{4})\\d{2,8}(\\d{4})(?![0-9A-Za-z])");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:x-goog-api-key|api[_-]?key|authorization|token|password|secret)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',&}]+");

    private LogMasking() {
    }

    public static String mask(String line) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        String masked = SECRET.matcher(line).replaceAll("$1***");
        return PHONE.matcher(masked).replaceAll("$1***$2");
    }
}
