-- Customers who asked not to be messaged: the gateway refuses, at send time, any message to these numbers
-- except the agent's messages that change it (the opt-out confirmation, the reply to "continue").
CREATE TABLE opted_out_numbers (
    phone_number   VARCHAR(32)  PRIMARY KEY,
    outbox_id      VARCHAR(128),
    opted_out_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
