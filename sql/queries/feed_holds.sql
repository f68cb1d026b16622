-- Feeds that asked (Retry-After) not to be polled before a time still to come, with the reason.
SELECT url, next_poll_at, last_error FROM feeds
WHERE url IN (SELECT unnest($urls::VARCHAR[])) AND next_poll_at > $now;
