-- $rows: list of {event_id, actor, status, modality, event_date, date_precision, amount_usd, is_background, summary, about}.
UPDATE events SET actor = u.actor, status = u.status, modality = u.modality, event_date = u.event_date,
                  date_precision = u.date_precision, amount_usd = u.amount_usd, is_background = u.is_background,
                  summary = u.summary, about = u.about
FROM (SELECT unnest($rows, recursive := true)) u
WHERE events.event_id = u.event_id;
