-- Each mention's identity across extractor versions (article, sentence offset, type, target)
-- and its event: what backfill diffs.
SELECT article_id || ':' || char_start || ':' || event_type || ':' || coalesce(target, '') AS mention_key, event_id
FROM event_mentions WHERE event_id IS NOT NULL;
