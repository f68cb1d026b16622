-- $rows: list of {mention_id, event_id, merge_reason}.
UPDATE event_mentions SET event_id = u.event_id, merge_reason = u.merge_reason
FROM (SELECT unnest($rows, recursive := true)) u
WHERE event_mentions.mention_id = u.mention_id;
