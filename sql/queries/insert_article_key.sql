-- $rows: list of {key, article_id, source, first_seen_at}.
INSERT INTO article_keys BY NAME
SELECT unnest($rows, recursive := true)
ON CONFLICT DO NOTHING;
