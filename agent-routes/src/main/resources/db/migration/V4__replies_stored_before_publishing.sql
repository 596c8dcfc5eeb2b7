-- A reply is stored with the exact message the gateway gets (outgoing) before it is published, and marked
-- published after the broker confirmed it: a turn replayed after a crash in between publishes the stored message
-- again (the gateway sends an outbox id once), never a newly written text the customer did not see.
ALTER TABLE messages ADD COLUMN outgoing TEXT;
ALTER TABLE messages ADD COLUMN published_at TIMESTAMPTZ;
CREATE INDEX idx_messages_unpublished ON messages (contact_id) WHERE outgoing IS NOT NULL AND published_at IS NULL;
