-- Articles never extracted, oldest first, of the languages newsmon reads ($languages; others
-- are stored, not extracted, and become pending when their language gets a pipeline). A new
-- extractor version does not re-extract stored articles here: that is `backfill`'s job, which
-- reports what would change first.
SELECT a.article_id, a.text, CAST(a.published_at AS DATE) AS published_date, a.language
FROM articles a
WHERE NOT EXISTS (SELECT 1 FROM article_extractions x WHERE x.article_id = a.article_id)
  AND (a.language IS NULL OR list_contains($languages, a.language))
ORDER BY a.fetched_at, a.article_id
LIMIT $limit;
