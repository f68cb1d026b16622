-- Articles whose extraction failed (issue 8): never retried by monitor runs; `backfill`
-- re-extracts them with a new extractor version.
SELECT a.article_id, a.source, a.title, length(a.text) AS chars, x.extractor_version, x.extracted_at, x.error
FROM article_extractions x JOIN articles a USING (article_id)
WHERE x.status = 'failed'
ORDER BY x.extracted_at DESC;
