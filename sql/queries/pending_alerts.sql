-- Alerts not yet delivered on their channel, oldest first.
SELECT alert_id, alert_key, event_id, reason, CAST(created_at AS VARCHAR) AS created_at, channel, attempts, payload
FROM alerts
WHERE delivered_at IS NULL
ORDER BY created_at, alert_key, channel;
