-- A completed burst belongs to the agent instance that completed it (AGENT_INSTANCE_ID): only that instance
-- recovers it after a crash, so a replica never re-runs a turn another live replica is still answering.
-- Bursts completed before this version were all completed by the single instance 'agent'.
ALTER TABLE conversation_burst_completed ADD COLUMN instance_id VARCHAR(255);
UPDATE conversation_burst_completed SET instance_id = 'agent';
CREATE INDEX idx_conversation_burst_completed_instance ON conversation_burst_completed (instance_id);
