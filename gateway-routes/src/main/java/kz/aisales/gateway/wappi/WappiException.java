package kz.aisales.gateway.wappi;

/**
 * Wappi answered with a non-2xx status or a {@code status} other than {@code done}. The message
 * carries the operation, the HTTP status and Wappi's body (never the token); a 429 also what its
 * {@code Retry-After} asked for (seconds, -1 when absent).
 */
public class WappiException extends RuntimeException {

    private static final int MAX_BODY = 500;

    private final int statusCode;
    private final long retryAfterSeconds;

    public WappiException(String operation, int statusCode, String body) {
        this(operation, statusCode, body, -1);
    }

    public WappiException(String operation, int statusCode, String body, long retryAfterSeconds) {
        super("Wappi " + operation + " answered HTTP " + statusCode + ": " + abbreviate(body)
                + (retryAfterSeconds >= 0 ? " (Retry-After " + retryAfterSeconds + " s, waited)" : ""));
        this.statusCode = statusCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int statusCode() {
        return statusCode;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 5xx and 429 are worth another try; other failures (4xx, a 2xx without "done") are not. */
    public boolean transientFailure() {
        return statusCode >= 500 || statusCode == 429;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY) + "...";
    }
}
