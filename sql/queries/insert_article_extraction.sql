-- $rows: list of {article_id, extractor_version, extracted_at, mention_count, status, error}.
INSERT INTO article_extractions BY NAME
SELECT unnest($rows, recursive := true)
ON CONFLICT DO NOTHING;
