package kz.aisales.agent.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a conversation turn is formed: messages from one contact within {@code messageGroupTimeout}
 * seconds of each other (at most {@code maxMessagesInGroup}) get one reply; the sales agent sees the
 * last {@code maxContextMessages} messages.
 */
@Validated
@ConfigurationProperties("conversation")
public record ConversationProperties(
        @Min(0) @Max(300) int messageGroupTimeout,
        @Min(1) @Max(100) int maxMessagesInGroup,
        @Min(1) @Max(200) int maxContextMessages) {
}
