-- What the sales model saw on a file the customer sent, in its own short words: later turns and follow-ups read it in
-- the history instead of the file.
ALTER TABLE message_media ADD COLUMN description TEXT;
