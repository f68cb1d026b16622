-- Extracted event mentions (issue 3). Public (README): event_mentions.
-- One row per (sentence, event) the extractor found, with its provenance: the article, the
-- sentence, and the sentence's character offsets in articles.text.
CREATE TABLE event_mentions (
    mention_id        VARCHAR PRIMARY KEY,   -- deterministic: a rerun finds the same ids
    article_id        VARCHAR NOT NULL,
    event_type        VARCHAR NOT NULL,      -- designation | sanction | reward | legal_action | military_action | diplomacy | statement
    actor             VARCHAR,               -- canonical name (gazetteer)
    target            VARCHAR,
    designation       VARCHAR,               -- FTO | SDGT | SDN | KINGPIN
    status            VARCHAR,               -- announced | effective | revoked
    modality          VARCHAR NOT NULL,      -- asserted | intended | possible | denied
    event_date        DATE,                  -- month/year precision: first day of the period
    date_precision    VARCHAR,               -- day | month | year | NULL (unknown)
    amount_usd        DOUBLE,
    is_background     BOOLEAN NOT NULL,
    sentence          VARCHAR NOT NULL,
    char_start        INTEGER NOT NULL,
    char_end          INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    actor_text        VARCHAR,               -- the words the article used
    target_text       VARCHAR,
    extracted_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX event_mentions_article ON event_mentions (article_id);

-- Which articles were extracted with which extractor version: a run extracts exactly the
-- articles missing here, so a crash or a new extractor version is picked up by the next run.
CREATE TABLE article_extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    mention_count     INTEGER NOT NULL,
    PRIMARY KEY (article_id, extractor_version)
);
