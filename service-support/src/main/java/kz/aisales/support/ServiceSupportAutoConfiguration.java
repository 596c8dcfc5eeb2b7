package kz.aisales.support;

import kz.aisales.support.gemini.GeminiHttpClientConfigurer;
import kz.aisales.support.operations.AdminProperties;
import kz.aisales.support.operations.ConsoleProperties;
import kz.aisales.support.operations.ConsoleSecurityConfiguration;
import kz.aisales.support.operations.CorrelationUnitOfWorkFactory;
import kz.aisales.support.operations.HealthCheck;
import kz.aisales.support.operations.HealthRoutes;
import kz.aisales.support.operations.PartnerCallMetrics;
import kz.aisales.support.operations.QueueDepths;
import kz.aisales.support.operations.RestResponseHeaders;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.retry.ImmediateRequeueMessageRecoverer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.retry.interceptor.RetryOperationsInterceptor;
import org.springframework.retry.policy.NeverRetryPolicy;

/**
 * What both services need the same way, as one auto-configuration: the consoles' and the REST API's security
 * ({@link ConsoleSecurityConfiguration}: Hawtio and Jolokia behind the operator's login, the admin key), the
 * correlation id in every log line ({@link CorrelationUnitOfWorkFactory}), the meters of calls to partners and
 * queues ({@link PartnerCallMetrics}), queue depths ({@link QueueDepths}), the REST answers' headers
 * ({@link RestResponseHeaders}) and {@code GET /health} over the service's {@link HealthCheck} ({@link HealthRoutes}). {@code DATABASE_URL} parsing and the one-line configuration failures are
 * registered in {@code META-INF/spring.factories}; masked logging is referenced by each service's
 * {@code logback-spring.xml}. Ordered before Spring Boot's security, so its default login never appears.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties({ConsoleProperties.class, AdminProperties.class})
@Import(ConsoleSecurityConfiguration.class)
public class ServiceSupportAutoConfiguration {

    /** A pause before a failed message goes back to its queue, so a broken dead-letter queue is no busy loop. */
    static final long REQUEUE_PAUSE_MS = 1000;

    @Bean
    CorrelationUnitOfWorkFactory correlationUnitOfWorkFactory() {
        return new CorrelationUnitOfWorkFactory();
    }

    /**
     * The consumers' last line ({@code retry=#requeueOnFailure}): a message whose exchange failed, its own error
     * handling included (a dead-letter queue that could not be written), goes back to its queue after a second; Camel's
     * default would acknowledge it ("dropped on recovery") or reject it for good.
     */
    @Bean
    RetryOperationsInterceptor requeueOnFailure() {
        ImmediateRequeueMessageRecoverer requeue = new ImmediateRequeueMessageRecoverer();
        return RetryInterceptorBuilder.stateless().retryPolicy(new NeverRetryPolicy())
                .recoverer((message, cause) -> {
                    try {
                        Thread.sleep(REQUEUE_PAUSE_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    requeue.recover(message, cause);
                })
                .build();
    }

    /** The REST answers' headers ({@code restConfiguration().endpointProperty("headerFilterStrategy", "#restResponseHeaders")}). */
    @Bean
    RestResponseHeaders restResponseHeaders() {
        return new RestResponseHeaders();
    }

    /** Both services' Gemini calls: the key ({@code gemini.api-key}) inside the client, no retries of its own. */
    @Bean("geminiHttpClientConfigurer")
    GeminiHttpClientConfigurer geminiHttpClientConfigurer(@Value("${gemini.api-key:}") String apiKey) {
        return new GeminiHttpClientConfigurer(apiKey);
    }

    @Bean
    HealthRoutes healthRoutes(HealthCheck health) {
        return new HealthRoutes(health);
    }

    @Bean
    QueueDepths queueDepths(AmqpAdmin amqp) {
        return new QueueDepths(amqp);
    }

    @Bean
    PartnerCallMetrics partnerCallMetrics(MeterRegistry registry,
            @Value("${queues.dead-letter-suffix:.dlq}") String deadLetterSuffix) {
        return new PartnerCallMetrics(registry, deadLetterSuffix);
    }
}
