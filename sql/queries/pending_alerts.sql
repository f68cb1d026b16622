-- Alerts not yet delivered on the given channels and not claimed by a run still delivering
-- them, oldest first.
SELECT alert_id, alert_key, event_id, reason, CAST(created_at AS VARCHAR) AS created_at, channel, attempts, payload
FROM alerts
WHERE delivered_at IS NULL
  AND channel IN (SELECT unnest($channels::VARCHAR[]))
  AND (claimed_until IS NULL OR claimed_until <= $now)
ORDER BY created_at, CAST(payload->>'event_date' AS VARCHAR) NULLS LAST, alert_key, channel;
