-- Outbox rows; the deterministic alert_id makes a repeated raise a no-op.
-- $rows: list of {alert_id, alert_key, event_id, reason, created_at, seq, channel, payload}.
INSERT INTO alerts (alert_id, alert_key, event_id, reason, created_at, seq, channel, payload)
SELECT alert_id, alert_key, event_id, reason, created_at, seq, channel, payload
FROM (SELECT unnest($rows, recursive := true))
ON CONFLICT DO NOTHING;
