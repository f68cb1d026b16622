-- Record one fetch of a feed. A 304 or an error keeps the validators of the last good fetch,
-- so a failed run never makes the next one skip items it did not store. next_poll_at is the
-- Retry-After of a 429/503 (NULL: poll on the next run).
INSERT INTO feeds (url, name, official, etag, last_modified, last_fetched_at, last_status,
                   last_http_status, last_error, last_new_articles, next_poll_at)
VALUES ($url, $name, $official, $etag, $last_modified, $fetched_at, $status,
        $http_status, $error, $new_articles, $next_poll_at)
ON CONFLICT (url) DO UPDATE SET
    name = excluded.name,
    official = excluded.official,
    etag = CASE WHEN excluded.last_status = 'ok' THEN excluded.etag ELSE feeds.etag END,
    last_modified = CASE WHEN excluded.last_status = 'ok' THEN excluded.last_modified ELSE feeds.last_modified END,
    last_fetched_at = excluded.last_fetched_at,
    last_status = excluded.last_status,
    last_http_status = excluded.last_http_status,
    last_error = excluded.last_error,
    last_new_articles = excluded.last_new_articles,
    next_poll_at = excluded.next_poll_at;
