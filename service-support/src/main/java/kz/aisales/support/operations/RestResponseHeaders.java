package kz.aisales.support.operations;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * The headers of a REST answer: only those that describe it. Camel's HTTP binding would otherwise answer with every
 * header of the exchange, which starts as the request's headers and query parameters: the caller's {@code X-API-Key}
 * echoed back, path and query values (a customer's number, a search in Cyrillic that Tomcat cannot even write).
 * Request headers named like Camel's own ({@code Camel*}) never become exchange headers.
 */
public class RestResponseHeaders extends DefaultHeaderFilterStrategy {

    private static final Set<String> ANSWERED = Set.of("content-type", "cache-control", "location", "retry-after",
            "content-disposition", "content-security-policy");

    public RestResponseHeaders() {
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setLowerCase(true);
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return headerName == null || !ANSWERED.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
