-- A conversation turn answers every customer message not yet handled; handled_at/reply_id record which
-- reply (outbox id) answered it, so a repeated turn finds nothing left to answer.
ALTER TABLE messages ADD COLUMN handled_at TIMESTAMPTZ;
ALTER TABLE messages ADD COLUMN reply_id   VARCHAR(128);
CREATE INDEX idx_messages_unhandled ON messages (contact_id, sent_at) WHERE role = 'user' AND handled_at IS NULL;

-- Per-contact turn lease: one turn per contact at a time across threads and replicas, without holding a
-- database connection while Gemini thinks. An expired lease (crashed replica) can be taken over.
ALTER TABLE contacts ADD COLUMN turn_owner       VARCHAR(64);
ALTER TABLE contacts ADD COLUMN turn_lease_until TIMESTAMPTZ;

-- An agreed call remembers the reply that booked it, so a replayed turn never books it twice.
ALTER TABLE scheduled_calls ADD COLUMN booked_by VARCHAR(128) UNIQUE;

-- Camel's JdbcAggregationRepository (repository name 'conversation_burst'): bursts being collected and
-- completed bursts not yet confirmed, so a restart loses no turn.
CREATE TABLE conversation_burst (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);
CREATE TABLE conversation_burst_completed (
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    exchange BYTEA        NOT NULL,
    version  BIGINT       NOT NULL
);

-- Knowledge base: one row per passage of a file in KNOWLEDGE_BASE_PATH, searchable in Russian and English.
CREATE TABLE knowledge_chunks (
    id            BIGSERIAL PRIMARY KEY,
    source_file   TEXT        NOT NULL,
    chunk_index   INT         NOT NULL,
    content       TEXT        NOT NULL,
    search_vector TSVECTOR    GENERATED ALWAYS AS
                  (to_tsvector('russian', content) || to_tsvector('english', content)) STORED,
    indexed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (source_file, chunk_index)
);
CREATE INDEX idx_knowledge_chunks_search ON knowledge_chunks USING GIN (search_vector);
