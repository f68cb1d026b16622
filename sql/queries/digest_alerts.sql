-- The new and changed developments raised in [$since, $until), one row per alert (the outbox
-- has a row per channel: keep one), with the event as it is now and its sources (a seed file
-- that names no outlet shows as seeds/<file>), in the order they were raised.
SELECT a.alert_key, a.reason, min(a.created_at) AS created_at, min(a.seq) AS seq, any_value(a.payload) AS payload,
       e.event_type, e.summary, e.article_count, e.source_count, e.official,
       (SELECT string_agg(src, ', ' ORDER BY src) FROM (
            SELECT DISTINCT CASE WHEN ar.source = 'seeds' THEN 'seeds/' || regexp_extract(ar.url, '[^/]+$')
                                 ELSE ar.source END AS src
            FROM event_mentions m JOIN articles ar ON ar.article_id = m.article_id
            WHERE m.event_id = e.event_id)) AS sources
FROM alerts a JOIN events e ON e.event_id = a.event_id
WHERE a.created_at >= $since AND a.created_at < $until
GROUP BY a.alert_key, a.reason, e.event_id, e.event_type, e.summary, e.article_count, e.source_count, e.official
ORDER BY e.event_type, created_at, seq, a.alert_key;
