INSERT INTO ingest_runs (run_id, started_at, finished_at, articles_new, articles_seen, failures, summary)
VALUES ($run_id, $started_at, $finished_at, $articles_new, $articles_seen, $failures, $summary);
