-- Every message the gateway saw or sent, with what it decided and why.
CREATE TABLE message_logs (
    id              BIGSERIAL PRIMARY KEY,
    message_id      VARCHAR(128),
    chat_id         VARCHAR(128),
    phone_number    VARCHAR(32),
    direction       VARCHAR(16)  NOT NULL,             -- incoming | outgoing
    message_type    VARCHAR(32),
    message_text    TEXT,
    status          VARCHAR(32)  NOT NULL,             -- forwarded | filtered | sent | failed | ...
    reason          TEXT,
    correlation_id  VARCHAR(128),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_message_logs_message_id ON message_logs (message_id);
CREATE INDEX idx_message_logs_phone ON message_logs (phone_number);
CREATE INDEX idx_message_logs_created_at ON message_logs (created_at);

-- The owner's personal numbers: never forwarded to the agent. Stored normalised (digits only).
CREATE TABLE whitelist (
    id            BIGSERIAL PRIMARY KEY,
    phone_number  VARCHAR(32)  NOT NULL UNIQUE,
    description   TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO whitelist (phone_number, description) VALUES
    ('77752837306', 'owner'),
    ('77018855588', 'owner'),
    ('77088098009', 'owner');
