-- Developments first reported in the last 24 hours (news, not background), newest first.
SELECT event_type, designation, actor, target, status, event_date, article_count, source_count, official, summary
FROM events
WHERE first_seen_at >= now() - INTERVAL 24 HOUR AND NOT is_background
ORDER BY first_seen_at DESC;
