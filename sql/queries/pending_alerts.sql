-- Alerts not yet delivered on their channel, oldest first.
SELECT alert_id, alert_key, event_id, reason, CAST(created_at AS VARCHAR) AS created_at, channel, attempts, payload
FROM alerts
WHERE delivered_at IS NULL
ORDER BY created_at, CAST(payload->>'event_date' AS VARCHAR) NULLS LAST, alert_key, channel;
