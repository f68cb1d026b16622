-- $rows: list of mention structs named like the columns of event_mentions.
INSERT INTO event_mentions BY NAME
SELECT unnest($rows, recursive := true)
ON CONFLICT DO NOTHING;
