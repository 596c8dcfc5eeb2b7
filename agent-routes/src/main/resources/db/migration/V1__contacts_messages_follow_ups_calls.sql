-- One row per WhatsApp contact, with the moderator's verdict (is_client NULL = not yet known).
CREATE TABLE contacts (
    id                     BIGSERIAL PRIMARY KEY,
    phone_number           VARCHAR(32)  NOT NULL UNIQUE,
    chat_id                VARCHAR(128),
    first_name             TEXT,
    full_name              TEXT,
    push_name              TEXT,
    business_name          TEXT,
    is_client              BOOLEAN,
    classification_confidence NUMERIC(4, 3),
    classification_reason  TEXT,
    classified_at          TIMESTAMPTZ,
    needs_human            BOOLEAN      NOT NULL DEFAULT FALSE,
    paused_until           TIMESTAMPTZ,
    opted_out              BOOLEAN      NOT NULL DEFAULT FALSE,
    language               VARCHAR(8),
    last_message_at        TIMESTAMPTZ,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_contacts_is_client ON contacts (is_client);

-- The conversation: customer messages (role 'user') and our replies (role 'assistant').
CREATE TABLE messages (
    id              BIGSERIAL PRIMARY KEY,
    contact_id      BIGINT       NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    message_id      VARCHAR(128) UNIQUE,             -- Wappi id for incoming, outbox id for ours
    role            VARCHAR(16)  NOT NULL,           -- user | assistant
    message_text    TEXT         NOT NULL,
    message_type    VARCHAR(32)  NOT NULL DEFAULT 'chat',
    is_voice        BOOLEAN      NOT NULL DEFAULT FALSE,
    transcription_status VARCHAR(16),
    kind            VARCHAR(16),                     -- reply | follow_up | notice (ours)
    intent          VARCHAR(16),                     -- yes | no | uncertain | other (theirs, as judged)
    sent_at         TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_messages_contact_sent ON messages (contact_id, sent_at);

-- One follow-up sequence per contact at a time: the next touch and when it is due.
CREATE TABLE follow_ups (
    id                 BIGSERIAL PRIMARY KEY,
    contact_id         BIGINT       NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    touch_number       INT          NOT NULL DEFAULT 1,  -- the next touch to send (1..5)
    status             VARCHAR(16)  NOT NULL DEFAULT 'active', -- active | stopped | completed
    next_follow_up_at  TIMESTAMPTZ,
    last_sent_at       TIMESTAMPTZ,
    stop_reason        VARCHAR(32),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX uq_follow_ups_active_contact ON follow_ups (contact_id) WHERE status = 'active';
CREATE INDEX idx_follow_ups_due ON follow_ups (next_follow_up_at) WHERE status = 'active';

-- Calls the customer agreed to, always inside working hours.
CREATE TABLE scheduled_calls (
    id             BIGSERIAL PRIMARY KEY,
    contact_id     BIGINT       NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    scheduled_at   TIMESTAMPTZ  NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'scheduled', -- scheduled | done | cancelled
    notes          TEXT,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX idx_scheduled_calls_at ON scheduled_calls (scheduled_at);
