-- Issue 8: an article whose extraction fails (a parser error, an unexpected input) is recorded
-- with its reason, counted, and never retried by later runs (NOT EXISTS in
-- articles_to_extract sees its row): one poison article cannot stop every later run.
-- `backfill` re-extracts it with a new extractor version, like any other article.
ALTER TABLE article_extractions ADD COLUMN status VARCHAR DEFAULT 'ok';  -- ok | failed (NOT NULL: DuckDB cannot add it)
ALTER TABLE article_extractions ADD COLUMN error VARCHAR;                          -- why it failed
