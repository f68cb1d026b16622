-- Alerts not yet delivered on the given channels and not claimed by a run still delivering
-- them, in the order they were raised: by run, then as their reports appeared (seq).
SELECT alert_id, alert_key, event_id, reason, CAST(created_at AS VARCHAR) AS created_at, channel, attempts, payload
FROM alerts
WHERE delivered_at IS NULL
  AND channel IN (SELECT unnest($channels::VARCHAR[]))
  AND (claimed_until IS NULL OR claimed_until <= $now)
ORDER BY alerts.created_at, seq, alert_key, channel;
