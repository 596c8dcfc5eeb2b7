package kz.aisales.gateway.sending;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import kz.aisales.gateway.config.TypingProperties;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reply or a follow-up waits its typing time before it leaves, as a person types: proportional to its length,
 * within {@code TYPING_MIN_MS}..{@code TYPING_MAX_MS}, moved at random by up to {@code TYPING_JITTER_PERCENT}. The
 * random part is drawn from the message's own key, so every look at one message (the round robin's, the wait's, a
 * redelivery's) agrees on its time. Typing starts when the agent wrote the message, or when the previous message to
 * that customer left, whichever is later ({@link SendGap}); it never holds the throttle, and a message still typing
 * lets other customers' messages go first ({@link SendFairness}). Notices, operators' messages and test sends are not
 * typed: a person already wrote them. When the sender first takes a typed message up, the answered message is marked
 * read and, where the profile supports it, "typing..." is shown (WhatsApp shows it until our next message arrives);
 * Wappi's typing endpoint is unconfirmed, so its first failure switches it off.
 */
@Component
public class Typing {

    private static final Logger LOG = LoggerFactory.getLogger(Typing.class);
    /** How far ahead of ours the agent's clock may be for its {@code created_at} to start the typing time. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final TypingProperties typing;
    private final AtomicBoolean presenceWorks = new AtomicBoolean(true);

    public Typing(TypingProperties typing) {
        this.typing = typing;
    }

    /** This message's typing time in milliseconds; 0 for messages that are not typed. */
    public long millis(OutgoingMessage message) {
        if (!typing.enabled() || !typed(message)) {
            return 0;
        }
        long characters = message.messageText().codePointCount(0, message.messageText().length());
        long base = Math.min(typing.maxMs(), Math.max(typing.minMs(), characters * typing.msPerChar()));
        double jitter = typing.jitterPercent() / 100.0;
        long low = Math.max(typing.minMs(), Math.round(base * (1 - jitter)));
        long high = Math.min(typing.maxMs(), Math.round(base * (1 + jitter)));
        if (high <= low) {
            return low;
        }
        return low + new SplittableRandom(seed(message.idempotencyKey())).nextLong(high - low + 1);
    }

    /**
     * Milliseconds of typing left at {@code now}, typing having started at {@code previousSent} (the last message to
     * this customer) or at the message's {@code created_at}, whichever is later. The wait is asked for again and again
     * while the message waits, so it needs a fixed start: a message without a readable {@code created_at}, or dated
     * more than {@link #CLOCK_SKEW} ahead of our clock, is not typed.
     */
    public long remainingMillis(OutgoingMessage message, Instant previousSent, Instant now) {
        long millis = millis(message);
        Instant started = createdAt(message);
        if (millis == 0 || started == null || started.isAfter(now.plus(CLOCK_SKEW))) {
            return 0;
        }
        if (previousSent != null && previousSent.isAfter(started)) {
            started = previousSent;
        }
        return Math.max(0, started.toEpochMilli() + millis - now.toEpochMilli());
    }

    /**
     * Whether the customer is shown now that their message was read (a reply that asks for it) or that we are typing
     * (where the profile supports it): at the sender's first look at a typed message; a message that went back to its
     * queue was shown already.
     */
    public boolean startsNow(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message,
            @Header(SendFairness.DEFERRALS) Integer deferrals) {
        return deferrals == null && typed(message) && (message.reply() && message.markAsRead() || presence());
    }

    /** Whether "typing..." is shown through Wappi: configured, and not yet refused by this profile. */
    public boolean presence() {
        return typing.presence() && typing.enabled() && presenceWorks.get();
    }

    /** Wappi's typing call failed: typing presence is off until the gateway restarts; the send goes on. */
    public void presenceFailed(Exception failure) {
        if (presenceWorks.compareAndSet(true, false)) {
            LOG.warn("Wappi refused the typing indicator ({}); replies go on without it. Set TYPING_PRESENCE=false to"
                    + " stop trying at start", failure.getMessage());
        }
    }

    /** {@code chat/typing/start}: {@code {"recipient": ...}} (the body third-party code sends). */
    public SendPayloads.Typing payload(@ExchangeProperty(WappiSendRoutes.OUTGOING) OutgoingMessage message) {
        return new SendPayloads.Typing(PhoneNumbers.normalize(message.phoneNumber()));
    }

    /** Written by the agent's model: replies and follow-ups, and the original system's messages, which carry no kind. */
    static boolean typed(OutgoingMessage message) {
        return message.kind() == null || "reply".equals(message.kind()) || "follow_up".equals(message.kind());
    }

    private static Instant createdAt(OutgoingMessage message) {
        if (message.createdAt() == null || message.createdAt().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(message.createdAt()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long seed(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }
}
