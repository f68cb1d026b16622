-- Alerts (one row per alert, its delivery per channel folded in), for `newsmon alerts`.
SELECT min(a.created_at) AS created_at, a.reason, e.summary,
       string_agg(a.channel || '=' || CASE WHEN a.delivered_at IS NOT NULL THEN 'delivered'
                                           ELSE 'pending(' || a.attempts || ')' END, ', ' ORDER BY a.channel) AS delivery,
       max(a.last_error) AS last_error, a.alert_key
FROM alerts a JOIN events e ON e.event_id = a.event_id
WHERE a.created_at >= coalesce($since, TIMESTAMPTZ '1970-01-01')
  AND (NOT $pending_only OR a.delivered_at IS NULL)
GROUP BY a.alert_key, a.reason, e.summary
ORDER BY created_at DESC, a.alert_key
LIMIT $limit;
