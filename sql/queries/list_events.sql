-- Events with their sources, for `newsmon events` (a seed file that names no outlet shows as
-- seeds/<file>). The default view shows some of these columns, --wide all of them.
SELECT e.event_type, e.designation, e.actor, e.target, e.status, e.modality, e.event_date, e.date_precision,
       e.amount_usd, e.article_count, e.source_count, e.official, e.is_background,
       (SELECT string_agg(src, ', ' ORDER BY src) FROM (
            SELECT DISTINCT CASE WHEN a.source = 'seeds' THEN 'seeds/' || regexp_extract(a.url, '[^/]+$')
                                 ELSE a.source END AS src
            FROM event_mentions m JOIN articles a ON a.article_id = m.article_id
            WHERE m.event_id = e.event_id)) AS sources,
       e.first_seen_at, e.last_seen_at, e.summary, e.event_id
FROM events e
WHERE ($event_type IS NULL OR e.event_type = $event_type)
  AND ($include_background OR NOT e.is_background)
ORDER BY e.last_seen_at DESC, e.event_type, e.target
LIMIT $limit;
