UPDATE events SET article_count = $article_count, source_count = $source_count, official = $official,
                  first_seen_at = $first_seen_at, last_seen_at = $last_seen_at
WHERE event_id = $event_id;
