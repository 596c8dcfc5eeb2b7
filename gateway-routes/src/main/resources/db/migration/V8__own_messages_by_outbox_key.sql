-- DeliveryCheck asks, before every send, what earlier attempts of the outbox key left (OwnMessages.previousAttempt)
CREATE INDEX idx_own_messages_outbox_key ON own_messages (outbox_key);
