-- Issue 8: feed guards and delivery outside the write lock.

-- When a feed may next be polled: set from a 429/503 Retry-After, NULL when it may be polled
-- now. A run skips the feed until then and says so in its summary.
ALTER TABLE feeds ADD COLUMN next_poll_at TIMESTAMPTZ;

-- Delivery reads the pending alerts, releases the store while it talks to the channels, then
-- reopens it to mark the outcome. A claim keeps a second run from delivering the same alerts
-- meanwhile; a claim whose run died expires at claimed_until.
ALTER TABLE alerts ADD COLUMN claimed_until TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN claimed_by VARCHAR;
