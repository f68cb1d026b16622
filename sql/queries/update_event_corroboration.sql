-- $rows: the rows of the named query event_corroboration.
UPDATE events SET article_count = u.article_count, source_count = u.source_count, official = u.official,
                  first_seen_at = u.first_seen_at, last_seen_at = u.last_seen_at
FROM (SELECT unnest($rows, recursive := true)) u
WHERE events.event_id = u.event_id;
