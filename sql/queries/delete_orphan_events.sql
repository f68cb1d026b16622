-- Events no mention points at any more (after a re-extraction), and their pending alerts.
DELETE FROM alerts WHERE delivered_at IS NULL
  AND event_id NOT IN (SELECT event_id FROM event_mentions WHERE event_id IS NOT NULL);
DELETE FROM events WHERE event_id NOT IN (SELECT event_id FROM event_mentions WHERE event_id IS NOT NULL);
