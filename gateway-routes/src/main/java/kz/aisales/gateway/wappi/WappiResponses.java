package kz.aisales.gateway.wappi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Accepts a Wappi answer only when it is 2xx JSON with {@code "status": "done"}. */
@Component
public class WappiResponses {

    /** Header naming the operation, for the failure reason. */
    public static final String OPERATION = "wappi_operation";

    private final ObjectMapper json;

    public WappiResponses(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode check(Exchange exchange) {
        Message message = exchange.getMessage();
        String operation = message.getHeader(OPERATION, "call", String.class);
        message.removeHeader(OPERATION);
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        if (status < 200 || status > 299) {
            throw new WappiException(operation, status, body);
        }
        JsonNode answer;
        try {
            answer = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new WappiException(operation, status, "not JSON: " + body);
        }
        if (answer == null || !"done".equals(answer.path("status").asText())) {
            throw new WappiException(operation, status, body);
        }
        return answer;
    }
}
