INSERT INTO article_keys (key, article_id, source, first_seen_at)
VALUES ($key, $article_id, $source, $first_seen_at)
ON CONFLICT DO NOTHING;
