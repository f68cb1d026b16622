-- Alerts still waiting per channel (undelivered, claimed or not).
SELECT channel, count(*) AS pending FROM alerts WHERE delivered_at IS NULL GROUP BY channel ORDER BY channel;
