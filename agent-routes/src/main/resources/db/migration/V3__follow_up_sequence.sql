-- A sequence remembers the bot reply that started it, so a replayed conversation turn never starts it twice.
ALTER TABLE follow_ups ADD COLUMN started_by VARCHAR(128) UNIQUE;

-- A due touch is claimed by one tick (any replica) until claimed_until while Gemini writes it; a claim left
-- by a crashed replica lapses and the touch is taken over, under the same outbox id.
ALTER TABLE follow_ups ADD COLUMN claimed_by    VARCHAR(64);
ALTER TABLE follow_ups ADD COLUMN claimed_until TIMESTAMPTZ;

-- A clear "no" ends follow-ups for the contact for good.
ALTER TABLE contacts ADD COLUMN follow_ups_declined_at TIMESTAMPTZ;
