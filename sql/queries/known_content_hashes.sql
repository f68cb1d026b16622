-- Which of the given content hashes are already stored.
SELECT content_hash, article_id FROM articles WHERE content_hash IN (SELECT unnest($hashes::VARCHAR[]));
