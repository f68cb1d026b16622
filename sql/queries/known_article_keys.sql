-- Which of the given keys are already stored, and for which article.
SELECT key, article_id FROM article_keys WHERE key IN (SELECT unnest($keys::VARCHAR[]));
