-- Events reported by a single source that is not official: worth a second look.
SELECT event_type, summary, first_seen_at, article_count,
       (SELECT any_value(a.url) FROM event_mentions m JOIN articles a USING (article_id)
        WHERE m.event_id = e.event_id) AS url
FROM events e
WHERE source_count = 1 AND NOT official
ORDER BY first_seen_at DESC;
