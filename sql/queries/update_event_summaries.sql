-- $rows: list of {event_id, summary}.
UPDATE events SET summary = u.summary
FROM (SELECT unnest($rows, recursive := true)) u
WHERE events.event_id = u.event_id;
