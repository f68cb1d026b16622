-- Mentions not yet attached to an event, in the order their articles appeared.
SELECT m.*, a.fetched_at, a.published_at, a.source, a.url
FROM event_mentions m JOIN articles a ON a.article_id = m.article_id
WHERE m.event_id IS NULL
ORDER BY coalesce(a.published_at, a.fetched_at), a.fetched_at, m.article_id, m.char_start, m.mention_id
LIMIT $limit;
