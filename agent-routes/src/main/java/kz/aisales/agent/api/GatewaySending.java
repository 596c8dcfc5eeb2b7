package kz.aisales.agent.api;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aisales.agent.config.ApiProblem;
import kz.aisales.agent.config.GatewayProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gateway's sending pause after a ban signal, for the console: whether follow-ups are held, since when and why
 * ({@code GET /wappi/sending}), and the operator's resume ({@code POST /wappi/sending/resume}), asked of the gateway
 * that keeps it; 502 with the reason when the gateway does not answer.
 */
@Component
public class GatewaySending {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySending.class);
    private static final TypeReference<Map<String, Object>> ANSWER = new TypeReference<>() { };

    private final GatewayProperties gateway;
    private final ObjectMapper json;
    private final HttpClient http;

    public GatewaySending(GatewayProperties gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(gateway.timeout()).build();
    }

    public Map<String, Object> status() throws InterruptedException {
        return call(gateway.request("/wappi/sending").GET().build());
    }

    public Map<String, Object> resume() throws InterruptedException {
        Map<String, Object> answer = call(gateway.request("/wappi/sending/resume")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        LOG.warn("Sending resumed from the console: {}", answer);
        return answer;
    }

    private Map<String, Object> call(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ApiProblem(502, "the gateway answered HTTP " + response.statusCode());
            }
            return json.readValue(response.body(), ANSWER);
        } catch (IOException e) {
            throw new ApiProblem(502, "the gateway did not answer: " + e.getClass().getSimpleName());
        }
    }
}
