-- event_id -> summary of every event (backfill's before/after report).
SELECT event_id, summary FROM events;
