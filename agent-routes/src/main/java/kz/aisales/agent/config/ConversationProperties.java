package kz.aisales.agent.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * How a conversation turn is formed: messages from one contact within {@code messageGroupTimeout}
 * (seconds unless a unit is given) of each other, at most {@code maxMessagesInGroup}, get one reply;
 * the sales agent sees the last {@code maxContextMessages} messages. {@code concurrency} turns of
 * different contacts run at once; a contact's turn holds a lease of {@code lockLease} at most. What reaches the
 * model is bounded: each customer message at most {@code maxCustomerTextChars} (the whole text stays stored), the
 * history of one call at most {@code maxHistoryChars} (the oldest messages are left out first). A contact is answered
 * at most once per {@code minReplyInterval} (0 = no pace). A completed burst is recovered after a crash only by the
 * instance that completed it, {@code instanceId}: stable across restarts, different for each replica. The files the
 * customer sent in one turn are shown to the model up to {@code maxTurnMediaBytes} together (0 = never; Gemini takes
 * 20 MB per request, and base64 adds a third).
 */
@Validated
@ConfigurationProperties("conversation")
public record ConversationProperties(
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration messageGroupTimeout,
        @Min(1) @Max(100) int maxMessagesInGroup,
        @Min(1) @Max(200) int maxContextMessages,
        @Min(1) @Max(500) int concurrency,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration lockLease,
        @Min(100) @Max(100000) int maxCustomerTextChars,
        @Min(1000) @Max(1000000) int maxHistoryChars,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration minReplyInterval,
        @NotBlank @Size(max = 255) String instanceId,
        @Min(0) @Max(14_000_000) long maxTurnMediaBytes) {

    @AssertTrue(message = "must be between 100ms and 300s")
    public boolean isMessageGroupTimeout() {
        return messageGroupTimeout == null
                || messageGroupTimeout.compareTo(Duration.ofMillis(100)) >= 0 && messageGroupTimeout.compareTo(Duration.ofSeconds(300)) <= 0;
    }

    @AssertTrue(message = "must be between 0 and 600s")
    public boolean isMinReplyInterval() {
        return minReplyInterval == null || !minReplyInterval.isNegative() && minReplyInterval.compareTo(Duration.ofMinutes(10)) <= 0;
    }

    @AssertTrue(message = "must be at least 10s")
    public boolean isLockLease() {
        return lockLease == null || lockLease.compareTo(Duration.ofSeconds(10)) >= 0;
    }
}
