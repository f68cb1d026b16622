-- Alerts (one row per alert, its delivery per channel folded in), for `newsmon alerts`, newest
-- first (within one run, the last raised first). `summary` is the development as the alert told
-- it; `delivery` names every channel; `delivery_state` says `delivered` (on every channel) or
-- which channels are still pending.
SELECT min(a.created_at) AS created_at,
       CASE WHEN a.reason = 'new' THEN 'NEW'
            ELSE 'CHANGED ' || split_part(a.reason, ':', 2) || ' -> ' || regexp_extract(a.alert_key, '[^:]+$')
       END AS alert,
       coalesce(any_value(a.payload->>'summary'), any_value(e.summary)) AS summary,
       CASE WHEN count(*) FILTER (WHERE a.delivered_at IS NULL) = 0 THEN 'delivered'
            ELSE 'pending: ' || string_agg(a.channel || ' (' || a.attempts || CASE WHEN a.attempts = 1 THEN ' try)'
                                                                                    ELSE ' tries)' END,
                                           ', ' ORDER BY a.channel) FILTER (WHERE a.delivered_at IS NULL)
       END AS delivery_state,
       string_agg(a.channel || '=' || CASE WHEN a.delivered_at IS NOT NULL THEN 'delivered'
                                           ELSE 'pending(' || a.attempts || ')' END, ', ' ORDER BY a.channel) AS delivery,
       max(a.last_error) AS last_error, a.reason, a.alert_key
FROM alerts a JOIN events e ON e.event_id = a.event_id
WHERE a.created_at >= coalesce($since, TIMESTAMPTZ '1970-01-01')
  AND (NOT $pending_only OR a.delivered_at IS NULL)
GROUP BY a.alert_key, a.reason
ORDER BY created_at DESC, min(a.seq) DESC, a.alert_key
LIMIT $limit;
