package kz.aisales.agent.gemini;

import kz.aisales.support.gemini.GeminiException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:gemini-generate}: a {@link GeminiRequest} in, the answer's text out. Retries (policy
 * {@code gemini-retry}) repeat the whole call in {@code gemini-call}; what is not worth retrying comes
 * back to the caller as a {@link GeminiException}.
 */
@Component
public class GeminiRoutes extends RouteBuilder {

    static final String REQUEST = "geminiRequest";

    @Override
    public void configure() {
        from("direct:gemini-generate").routeId("gemini-generate").routeConfigurationId("gemini-retry")
                .setProperty(REQUEST, body())
                .to("direct:gemini-call");

        from("direct:gemini-call").routeId("gemini-call").routeConfigurationId("propagate-errors")
                .setBody(exchangeProperty(REQUEST))
                .bean(StructuredAnswers.class, "write")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json; charset=utf-8"))
                .to("{{gemini.base-url}}/v1beta/models/{{gemini.model}}:generateContent"
                        + "?throwExceptionOnFailure=false&skipResponseHeaders=true"
                        + "&httpClientConfigurer=#geminiHttpClientConfigurer"
                        + "&connectTimeout={{gemini.timeout-ms}}&responseTimeout={{gemini.timeout-ms}}&soTimeout={{gemini.timeout-ms}}"
                        + "&connectionsPerRoute={{conversation.concurrency}}").id("gemini-generate-call")
                .log("Gemini answered with HTTP ${header.CamelHttpResponseCode}")
                .bean(GeminiResponseReader.class, "read")
                .removeHeaders("CamelHttp*");
    }
}
