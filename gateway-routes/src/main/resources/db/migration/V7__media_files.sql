-- An image or a document too large to travel in its queue message (over MEDIA_MAX_INLINE_BYTES, at most
-- MEDIA_MAX_STORED_BYTES): kept here until the agent fetches it (GET /media/{message_id}), for MEDIA_STORE_HOURS.
CREATE TABLE media_files (
    message_id VARCHAR(128) PRIMARY KEY,
    mime_type  VARCHAR(128) NOT NULL,
    file_name  TEXT,
    size_bytes INT          NOT NULL,
    data       BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_media_files_created ON media_files (created_at);
