package kz.aisales.gateway.wappi;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * What travels between a Wappi call and the exchange: requests as camel-http sends them (no Camel headers out), and of
 * Wappi's response headers only {@code Retry-After}, read by {@link WappiResponses}, so nothing else Wappi answers
 * leaks into the routes (and from there into queues or logs).
 */
@Component("wappiHeaderFilter")
public class WappiHeaderFilter extends HttpHeaderFilterStrategy {

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !WappiResponses.RETRY_AFTER.equalsIgnoreCase(headerName);
    }
}
