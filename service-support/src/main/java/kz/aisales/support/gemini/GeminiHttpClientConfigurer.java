package kz.aisales.support.gemini;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client of a service's Gemini calls ({@code httpClientConfigurer=#geminiHttpClientConfigurer}): the API key
 * as the {@code x-goog-api-key} header inside the client, so the key is never in an endpoint URI, a Camel header, a
 * dead letter or a log line; and no retries of the client's own (it would repeat a 429 or a 503 after a second), so
 * the service's redelivery policy is the only retry layer. No key, no header (the call is refused, as Gemini answers).
 */
public class GeminiHttpClientConfigurer implements HttpClientConfigurer {

    public static final String API_KEY_HEADER = "x-goog-api-key";

    private final String apiKey;

    public GeminiHttpClientConfigurer(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries();
        if (apiKey != null && !apiKey.isBlank()) {
            builder.addRequestInterceptorFirst((request, entity, context) -> request.setHeader(API_KEY_HEADER, apiKey));
        }
    }
}
