-- Articles, the keys that identify them, and the state of each polled feed.
-- Public (documented in README): articles, feeds. Internal: article_keys, ingest_runs.

-- One row per distinct story: article_id is the hash of its normalised text, so the same
-- story under two GUIDs or in two feeds is one row.
CREATE TABLE articles (
    article_id    VARCHAR PRIMARY KEY,
    source        VARCHAR NOT NULL,      -- feed name, or 'seeds'
    url           VARCHAR NOT NULL,      -- the item's link, or file:// URI of a seed file
    guid          VARCHAR,
    title         VARCHAR NOT NULL DEFAULT '',
    published_at  TIMESTAMPTZ,           -- NULL when the source gives no date (never invented)
    fetched_at    TIMESTAMPTZ NOT NULL,
    content_hash  VARCHAR NOT NULL,
    text          VARCHAR NOT NULL
);

-- Every identity an item was seen under ('url:<link>', 'guid:<guid>'): an item seen again
-- under a known GUID or link is not stored twice even if its text was edited.
CREATE TABLE article_keys (
    key            VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX article_keys_article ON article_keys (article_id);

CREATE TABLE feeds (
    url               VARCHAR PRIMARY KEY,
    name              VARCHAR,
    official          BOOLEAN NOT NULL DEFAULT false,
    etag              VARCHAR,
    last_modified     VARCHAR,
    last_fetched_at   TIMESTAMPTZ,
    last_status       VARCHAR,           -- ok | not_modified | error
    last_http_status  INTEGER,
    last_error        VARCHAR,
    last_new_articles INTEGER
);

CREATE TABLE ingest_runs (
    run_id         VARCHAR PRIMARY KEY,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    articles_new   INTEGER NOT NULL,
    articles_seen  INTEGER NOT NULL,
    failures       INTEGER NOT NULL,
    summary        JSON
);
