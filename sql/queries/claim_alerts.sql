-- Claim alerts for one delivery: no other run delivers them before $until.
UPDATE alerts SET claimed_until = $until, claimed_by = $run_id
WHERE alert_id IN (SELECT unnest($alert_ids::VARCHAR[])) AND delivered_at IS NULL;
