package kz.aisales.agent.config;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;

/** A REST call that cannot be done, with the HTTP status it answers (404, 409, 413, 502) and a reason for the caller. */
public class ApiProblem extends RuntimeException {

    /**
     * Set (true) on the exchange of a REST verb without JSON binding (an upload): its errors are answered as JSON text,
     * where the others' are maps the binding writes.
     */
    public static final String UNBOUND = "api_unbound";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;

    public ApiProblem(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, what + " not found");
    }

    public int status() {
        return status;
    }

    /**
     * Answers the caught exception as {@code {"error": reason}} with {@code status}, or the {@link ApiProblem}'s own
     * when {@code status} is 0; a 500 says no more than that it failed (the log has the reason).
     */
    static void answer(Exchange exchange, int status) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int code = status == 0 && caught instanceof ApiProblem problem ? problem.status() : status == 0 ? 500 : status;
        answer(exchange, code, code == 500 ? "the request failed; the service log has the reason" : caught.getMessage());
    }

    static void answer(Exchange exchange, int code, String reason) {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, code);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        Map<String, String> body = Map.of("error", reason == null ? "bad request" : reason);
        if (!exchange.getProperty(UNBOUND, false, Boolean.class)) {
            exchange.getMessage().setBody(body);
            return;
        }
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error answer", e);
        }
    }
}
