-- The retention route (retention/Retention) deletes by age: these tables are read by age there only.
CREATE INDEX idx_own_messages_attempted_at ON own_messages (attempted_at);
CREATE INDEX idx_camel_messageprocessed_createdat ON camel_messageprocessed (createdat);
