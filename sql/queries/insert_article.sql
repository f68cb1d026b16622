INSERT INTO articles (article_id, source, url, guid, title, published_at, fetched_at, content_hash, text)
VALUES ($article_id, $source, $url, $guid, $title, $published_at, $fetched_at, $content_hash, $text)
ON CONFLICT DO NOTHING;
