-- Every message this gateway sent (or tried to send), so its echo is known as ours by Wappi's id, or by its text
-- while the id is not known yet, never by isFromAPI alone. Written before the send call, completed after it.
-- echo_message_id: the Wappi message id of the echo this row explained (each row explains one echo).
CREATE TABLE own_messages (
    id                  BIGSERIAL    PRIMARY KEY,
    outbox_key          VARCHAR(160) NOT NULL,
    phone_number        VARCHAR(32)  NOT NULL,
    message_text        TEXT         NOT NULL,
    wappi_message_id    VARCHAR(128),
    task_id             VARCHAR(128),
    echo_message_id     VARCHAR(128),
    attempted_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at             TIMESTAMPTZ,
    delivery_status     VARCHAR(64),
    delivery_status_at  TIMESTAMPTZ
);
CREATE INDEX idx_own_messages_wappi_id ON own_messages (wappi_message_id);
CREATE INDEX idx_own_messages_task_id ON own_messages (task_id);
CREATE INDEX idx_own_messages_echo_id ON own_messages (echo_message_id);
CREATE INDEX idx_own_messages_phone_time ON own_messages (phone_number, attempted_at);

-- One row while sending is paused for the profile (a ban signal from Wappi's delivery statuses); shared by replicas,
-- kept across restarts, removed by an operator (POST /wappi/sending/resume).
CREATE TABLE sending_pause (
    id         SMALLINT     PRIMARY KEY CHECK (id = 1),
    reason     TEXT         NOT NULL,
    paused_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The chat list's order as the last poll saw it (chat ids, newest activity first): without change markers on the
-- dialogs, a chat that moved up is a chat with new messages.
ALTER TABLE wappi_poll_state ADD COLUMN chat_order TEXT;
