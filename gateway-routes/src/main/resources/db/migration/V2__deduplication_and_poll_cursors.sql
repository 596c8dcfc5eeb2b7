-- Camel's JdbcMessageIdRepository: one row per processed id, per processor
-- ('wappi-incoming' = Wappi message ids published, 'wappi-outbox' = outbox ids sent).
CREATE TABLE camel_messageprocessed (
    processorname  VARCHAR(255) NOT NULL,
    messageid      VARCHAR(255) NOT NULL,
    createdat      TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorname, messageid)
);

-- Where the poller stopped in each chat: the chat's last message id as the chat list showed it,
-- and the newest message time already handled. Advanced only after the chat's messages are published.
CREATE TABLE wappi_chat_cursors (
    chat_id          VARCHAR(128) PRIMARY KEY,
    last_message_id  VARCHAR(128),
    last_time        BIGINT       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row: the time before which chats never seen are not read (set on the first start), and the
-- time of the last successful poll (shown by GET /health).
CREATE TABLE wappi_poll_state (
    id               SMALLINT    PRIMARY KEY CHECK (id = 1),
    since_time       BIGINT      NOT NULL,
    last_success_at  TIMESTAMPTZ
);
