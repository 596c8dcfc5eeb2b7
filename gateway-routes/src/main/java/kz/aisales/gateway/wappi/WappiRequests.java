package kz.aisales.gateway.wappi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.gateway.config.WappiProperties;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns a call prepared by a caller (JSON payload in the body or none, extra query parameters in the
 * {@link #QUERY} header) into a Wappi HTTP request: {@code profile_id} and the parameters in the
 * query, the raw token in {@code Authorization}.
 */
@Component
public class WappiRequests {

    /** Header with a {@code Map} of query parameters for the next Wappi call. */
    public static final String QUERY = "wappi_query";
    /** Header with the HTTP method to use instead of the operation's documented one. */
    public static final String METHOD = "wappi_method";

    private final WappiProperties wappi;
    private final ObjectMapper json;

    public WappiRequests(WappiProperties wappi, ObjectMapper json) {
        this.wappi = wappi;
        this.json = json;
    }

    public void prepare(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Map<?, ?> parameters = message.getHeader(QUERY, Map.class);
        StringJoiner query = new StringJoiner("&");
        query.add("profile_id=" + encode(wappi.profileId()));
        if (parameters != null) {
            parameters.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        }
        message.removeHeader(QUERY);
        message.setHeader(Exchange.HTTP_QUERY, query.toString());
        message.setHeader("Authorization", wappi.token());
        Object body = message.getBody();
        if (body != null) {
            message.setBody(json.writeValueAsString(body));
            message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        }
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value == null ? "" : value.toString(), StandardCharsets.UTF_8);
    }
}
