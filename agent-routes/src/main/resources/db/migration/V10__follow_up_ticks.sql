-- One follow-up tick per scheduled time across agent replicas: every replica's Quartz trigger fires, the first to
-- record the scheduled time runs the tick, the others skip it (the touches' own claims stay as they were).
CREATE TABLE follow_up_ticks (
    scheduled_at TIMESTAMPTZ PRIMARY KEY,
    ticked_by    TEXT        NOT NULL,
    ticked_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
