package kz.aisales.agent.gemini;

import kz.aisales.agent.config.GeminiProperties;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * Adds the API key as the {@code x-goog-api-key} header inside the HTTP client, so the key is never in
 * an endpoint URI, a Camel header, a dead letter or a log line; and switches off the client's own retries
 * (it would repeat a 429 or 503 after a second), so the gemini-retry policy is the only retry layer.
 */
@Component("geminiHttpClientConfigurer")
public class GeminiHttpClientConfigurer implements HttpClientConfigurer {

    public static final String API_KEY_HEADER = "x-goog-api-key";

    private final GeminiProperties gemini;

    public GeminiHttpClientConfigurer(GeminiProperties gemini) {
        this.gemini = gemini;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        if (gemini.configured()) {
            builder.addRequestInterceptorFirst((request, entity, context) -> request.setHeader(API_KEY_HEADER, gemini.apiKey()));
        }
    }
}
