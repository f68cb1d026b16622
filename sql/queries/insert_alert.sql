-- Outbox row; the deterministic alert_id makes a repeated raise a no-op.
INSERT INTO alerts (alert_id, alert_key, event_id, reason, created_at, channel, payload)
VALUES ($alert_id, $alert_key, $event_id, $reason, $created_at, $channel, $payload)
ON CONFLICT DO NOTHING;
