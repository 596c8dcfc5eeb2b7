-- A customer's file is kept MEDIA_RETENTION_DAYS: then its bytes go, and what the model saw on it (description) stays
-- for the history; the message says media_status 'expired'.
ALTER TABLE message_media ALTER COLUMN data DROP NOT NULL;
CREATE INDEX idx_message_media_kept ON message_media (created_at) WHERE data IS NOT NULL;
