-- The file of an image or a document a customer sent (the gateway attaches it to the queue message), kept with
-- its message so the turn that answers it shows it to the model. media_status is the gateway's word on it:
-- attached, or why it is missing (too_large, unsupported, failed).
ALTER TABLE messages ADD COLUMN media_status VARCHAR(16);
CREATE TABLE message_media (
    message_id VARCHAR(128) PRIMARY KEY REFERENCES messages (message_id) ON DELETE CASCADE,
    mime_type  VARCHAR(128) NOT NULL,
    file_name  TEXT,
    size_bytes INT          NOT NULL,
    data       BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
