-- Distinct articles and sources (feeds / outlets that carried any of its articles), whether any
-- source is official, and when the event was first and last reported, for the given events.
-- A seed file that names no outlet is a source of its own (`seeds/<file>`, issue 12): two
-- outlets' articles read from one seed folder are two sources, not one called "seeds".
SELECT m.event_id,
       count(DISTINCT m.article_id)                   AS article_count,
       count(DISTINCT CASE WHEN coalesce(k.source, a.source) = 'seeds'
                           THEN 'seeds/' || regexp_extract(a.url, '[^/]+$')
                           ELSE coalesce(k.source, a.source) END) AS source_count,
       coalesce(bool_or(f.official), false)           AS official,
       min(a.fetched_at)                              AS first_seen_at,
       max(a.fetched_at)                              AS last_seen_at
FROM event_mentions m
JOIN articles a ON a.article_id = m.article_id
LEFT JOIN article_keys k ON k.article_id = m.article_id
LEFT JOIN feeds f ON f.name = coalesce(k.source, a.source)
WHERE m.event_id IN (SELECT unnest($event_ids::VARCHAR[]))
GROUP BY m.event_id;
