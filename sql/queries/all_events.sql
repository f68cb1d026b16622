-- Every event (refresh_summaries rewrites their summaries with the current templates).
SELECT * FROM events;
