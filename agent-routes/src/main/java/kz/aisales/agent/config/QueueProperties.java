package kz.aisales.agent.config;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * RabbitMQ queue names; each queue has a dead-letter queue named {@code <queue><deadLetterSuffix>}. Replies and
 * notices go to {@code outgoing}, follow-up touches to {@code outgoingFollowUps}, which the gateway sends only
 * when no reply is waiting.
 */
@Validated
@ConfigurationProperties("queues")
public record QueueProperties(
        @NotBlank String incoming,
        @NotBlank String outgoing,
        @NotBlank String outgoingFollowUps,
        @NotBlank String deadLetterSuffix) {

    public String deadLetter(String queue) {
        return queue + deadLetterSuffix;
    }
}
