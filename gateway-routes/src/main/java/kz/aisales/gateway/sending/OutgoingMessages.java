package kz.aisales.gateway.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import kz.aisales.gateway.queues.InvalidQueueMessageException;
import kz.aisales.gateway.queues.QueueMessages;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads an {@code outgoing_messages} body and builds the Wappi payloads for it. A message without {@code outbox_id}
 * and without {@code created_at} (the original system's agent sends neither) is dated by the
 * {@link #RECEIPT_WINDOW} it was read in, so its derived key tells apart two identical texts written an hour apart
 * while a redelivery of the same message keeps its key.
 */
@Component
public class OutgoingMessages {

    static final Duration RECEIPT_WINDOW = Duration.ofMinutes(10);

    private final QueueMessages queueMessages;
    private final Clock clock;

    @Autowired
    public OutgoingMessages(QueueMessages queueMessages) {
        this(queueMessages, Clock.systemUTC());
    }

    OutgoingMessages(QueueMessages queueMessages, Clock clock) {
        this.queueMessages = queueMessages;
        this.clock = clock;
    }

    public OutgoingMessage read(byte[] body) {
        OutgoingMessage message = queueMessages.read(body, OutgoingMessage.class);
        if (message == null || PhoneNumbers.normalize(message.phoneNumber()).isEmpty()) {
            throw new InvalidQueueMessageException("outgoing message without a phone_number");
        }
        if (message.messageText() == null || message.messageText().isBlank()) {
            throw new InvalidQueueMessageException("outgoing message without a message_text");
        }
        if ((message.outboxId() == null || message.outboxId().isBlank()) && (message.createdAt() == null || message.createdAt().isBlank())) {
            long window = RECEIPT_WINDOW.toSeconds();
            Instant windowStart = Instant.ofEpochSecond(clock.instant().getEpochSecond() / window * window);
            return message.createdAt(windowStart.atOffset(ZoneOffset.UTC).toString());
        }
        return message;
    }

    /** {@code message/send}: {@code {"body": ..., "recipient": ...}}. */
    public SendPayloads.Send send(OutgoingMessage message) {
        return new SendPayloads.Send(message.messageText(), PhoneNumbers.normalize(message.phoneNumber()));
    }

    /** {@code message/reply}: {@code {"body": ..., "message_id": ...}}. */
    public SendPayloads.Reply reply(OutgoingMessage message) {
        return new SendPayloads.Reply(message.messageText(), message.replyToMessageId());
    }

    /** {@code message/mark/read}: the message replied to. */
    public SendPayloads.MarkRead markRead(OutgoingMessage message) {
        return new SendPayloads.MarkRead(message.replyToMessageId());
    }
}
