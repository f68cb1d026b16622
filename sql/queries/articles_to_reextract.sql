-- Articles not extracted with the given extractor version (backfill), oldest first, of the
-- languages newsmon reads ($languages).
SELECT a.article_id, a.text, CAST(a.published_at AS DATE) AS published_date, a.language
FROM articles a
WHERE NOT EXISTS (
    SELECT 1 FROM article_extractions x
    WHERE x.article_id = a.article_id AND x.extractor_version = $version
)
  AND (a.language IS NULL OR list_contains($languages, a.language))
ORDER BY a.fetched_at, a.article_id
LIMIT $limit;
