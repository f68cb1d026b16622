-- Record one delivery attempt per alert: delivered (error NULL) or failed (error kept), and
-- release its claim. $rows: list of {alert_id, error, at}.
UPDATE alerts SET attempts = alerts.attempts + 1,
                  delivered_at = CASE WHEN u.error IS NULL THEN u.at ELSE NULL END,
                  last_error = u.error,
                  claimed_until = NULL,
                  claimed_by = NULL
FROM (SELECT unnest($rows, recursive := true)) u
WHERE alerts.alert_id = u.alert_id;
