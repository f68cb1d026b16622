-- Legal designations (FTO, SDGT, SDN, Kingpin) by their current status.
SELECT status, designation, target, actor, event_date, date_precision, article_count, source_count, official
FROM events
WHERE event_type = 'designation'
ORDER BY status, designation, target;
