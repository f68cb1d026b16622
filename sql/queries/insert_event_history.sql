-- $rows: list of {event_id, changed_at, field, old_value, new_value, article_id, mention_id}.
INSERT INTO event_history BY NAME
SELECT unnest($rows, recursive := true);
