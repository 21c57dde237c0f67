-- 0003_event_confidence_background: how sure the coder is of an event, and whether the article
-- reports it as history.
ALTER TABLE events ADD COLUMN confidence DOUBLE;
ALTER TABLE events ADD COLUMN background BOOLEAN;
