package kz.aisales.gateway.sending;

import kz.aisales.gateway.queues.InvalidQueueMessageException;
import kz.aisales.gateway.queues.QueueMessages;
import kz.aisales.gateway.whitelist.PhoneNumbers;

import org.springframework.stereotype.Component;

/** Reads an {@code outgoing_messages} body and builds the Wappi payloads for it. */
@Component
public class OutgoingMessages {

    private final QueueMessages queueMessages;

    public OutgoingMessages(QueueMessages queueMessages) {
        this.queueMessages = queueMessages;
    }

    public OutgoingMessage read(byte[] body) {
        OutgoingMessage message = queueMessages.read(body, OutgoingMessage.class);
        if (message == null || PhoneNumbers.normalize(message.phoneNumber()).isEmpty()) {
            throw new InvalidQueueMessageException("outgoing message without a phone_number");
        }
        if (message.messageText() == null || message.messageText().isBlank()) {
            throw new InvalidQueueMessageException("outgoing message without a message_text");
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
