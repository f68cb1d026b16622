-- Each mention's sentence identity (article, offset, type) and its event: what backfill diffs.
SELECT article_id || ':' || char_start || ':' || event_type AS mention_key, event_id
FROM event_mentions WHERE event_id IS NOT NULL;
