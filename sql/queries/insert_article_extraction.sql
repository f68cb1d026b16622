INSERT INTO article_extractions (article_id, extractor_version, extracted_at, mention_count)
VALUES ($article_id, $extractor_version, $extracted_at, $mention_count)
ON CONFLICT DO NOTHING;
