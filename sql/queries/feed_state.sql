-- Conditional-GET validators of the given feeds.
SELECT url, etag, last_modified FROM feeds WHERE url IN (SELECT unnest($urls::VARCHAR[]));
