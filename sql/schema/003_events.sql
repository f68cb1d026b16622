-- Events, their history, and the alert outbox (issue 4).
-- Public (README): events, event_history, alerts, and event_mentions.event_id.

-- One row per development. block_key = the fields a candidate must share
-- (type, canonical target, designation ...), indexed: resolving a mention looks up only the
-- events of its block, never scans the store.
CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    event_type      VARCHAR NOT NULL,
    actor           VARCHAR,
    target          VARCHAR,
    designation     VARCHAR,
    status          VARCHAR,
    modality        VARCHAR,
    event_date      DATE,
    date_precision  VARCHAR,
    amount_usd      DOUBLE,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    article_count   INTEGER NOT NULL DEFAULT 0,
    source_count    INTEGER NOT NULL DEFAULT 0,
    official        BOOLEAN NOT NULL DEFAULT false,  -- any reporting source is official
    is_background   BOOLEAN NOT NULL DEFAULT false,  -- known only from background mentions
    summary         VARCHAR,
    block_key       VARCHAR NOT NULL
);
CREATE INDEX events_block_key ON events (block_key);

ALTER TABLE event_mentions ADD COLUMN event_id VARCHAR;
ALTER TABLE event_mentions ADD COLUMN merge_reason VARCHAR;   -- why it joined or opened its event
-- (no index on event_mentions.event_id: queries on it are hash joins, and an ART index there
-- makes every assignment a delete+insert, doubling commit time on a large store)

CREATE TABLE event_history (
    event_id    VARCHAR NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    field       VARCHAR NOT NULL,     -- 'created', or the field that changed (status, amount_usd, event_date ...)
    old_value   VARCHAR,
    new_value   VARCHAR,
    article_id  VARCHAR,              -- the article whose mention caused it
    mention_id  VARCHAR
);
CREATE INDEX event_history_event ON event_history (event_id);

-- The outbox: one row per alert and delivery channel, written in the same transaction as the
-- event change that raised it. alert_id is deterministic (event, reason, new value, channel), so
-- a repeated or crashed run can never raise the same alert twice.
CREATE TABLE alerts (
    alert_id      VARCHAR PRIMARY KEY,
    alert_key     VARCHAR NOT NULL,   -- event_id:reason:new_value, the same on every channel (idempotency key)
    event_id      VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,   -- new | changed:<field>
    created_at    TIMESTAMPTZ NOT NULL,
    delivered_at  TIMESTAMPTZ,
    channel       VARCHAR NOT NULL,   -- console | jsonl | webhook | prefect_artifact | prefect_event
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    VARCHAR,
    payload       JSON NOT NULL       -- what is delivered: the event as it was when the alert was raised
);
CREATE INDEX alerts_pending ON alerts (delivered_at);
