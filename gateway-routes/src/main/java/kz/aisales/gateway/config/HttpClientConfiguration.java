package kz.aisales.gateway.config;

import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Apache HttpClient re-sends a request on its own after a 503 or 429 by default. Camel redelivery is
 * the one retry layer for Wappi and Gemini (bounded, logged, ending in the dead-letter queue), so the
 * client's automatic retries are switched off.
 */
@Configuration(proxyBeanMethods = false)
public class HttpClientConfiguration {

    @Bean
    ComponentCustomizer httpWithoutAutomaticRetries() {
        return ComponentCustomizer.builder(HttpComponent.class)
                .build(component -> component.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries()));
    }
}
