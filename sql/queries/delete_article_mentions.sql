-- Mentions of the given articles from any extractor version (replaced by a new extraction).
DELETE FROM event_mentions WHERE article_id IN (SELECT unnest($article_ids::VARCHAR[]));
