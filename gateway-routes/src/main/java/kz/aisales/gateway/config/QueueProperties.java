package kz.aisales.gateway.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * RabbitMQ queue names; each queue has a dead-letter queue named {@code <queue><deadLetterSuffix>}. The agent's
 * replies and notices arrive on {@code outgoing}, its follow-up touches on {@code outgoingFollowUps}.
 */
@Validated
@ConfigurationProperties("queues")
public record QueueProperties(
        @NotBlank String incoming,
        @NotBlank String outgoing,
        @NotBlank String outgoingFollowUps,
        @NotBlank String voice,
        @NotBlank String deadLetterSuffix) {

    public String deadLetter(String queue) {
        return queue + deadLetterSuffix;
    }
}
