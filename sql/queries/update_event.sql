UPDATE events SET actor = $actor, status = $status, modality = $modality, event_date = $event_date,
                  date_precision = $date_precision, amount_usd = $amount_usd, is_background = $is_background,
                  summary = $summary
WHERE event_id = $event_id;
