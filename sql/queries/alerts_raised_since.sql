-- The distinct alerts raised since $since (backfill: what a re-run would fire), one per alert.
SELECT DISTINCT a.reason, e.summary FROM alerts a JOIN events e USING (event_id)
WHERE a.created_at >= $since ORDER BY 1, 2;
