-- 0005_runs_links_event_dedup: events counted as real-world events, not reports.
--
-- * The coded sentence-level events become `event_mentions` (one row per event the coder found in a
--   sentence; `mention_id` is the former `event_id`), each pointing at the deduplicated real-world
--   event in `events` that it reports.
-- * `events` holds the deduplicated events with GDELT's NumMentions, NumSources and NumArticles.
-- * `article_links` records wire copies and reprints (exact or near duplicates) linked to the first
--   copy instead of being coded again; `article_signatures`/`article_bands` are the MinHash/LSH index
--   that finds them.
-- * `runs` records every run: coder and dictionary versions, configuration, times and counts.
-- * `settings` holds the store's event-matching rule, so every run merges events the same way.

-- DuckDB cannot rename a table or column that an index depends on: drop, rename, recreate.
DROP INDEX events_article;
ALTER TABLE events RENAME TO event_mentions;
ALTER TABLE event_mentions RENAME COLUMN event_id TO mention_id;
ALTER TABLE event_mentions ADD COLUMN event_id VARCHAR;
CREATE INDEX event_mentions_article ON event_mentions (article_id);
CREATE INDEX event_mentions_event ON event_mentions (event_id);

DROP INDEX quotes_speaker;
DROP INDEX quotes_article;
ALTER TABLE quotes RENAME COLUMN event_ids TO mention_ids;
CREATE INDEX quotes_speaker ON quotes (speaker_code);
CREATE INDEX quotes_article ON quotes (article_id);

ALTER TABLE articles ADD COLUMN run_id VARCHAR;

CREATE TABLE events (
    event_id            VARCHAR PRIMARY KEY,
    group_key           VARCHAR NOT NULL,   -- source|target|code at the matching level
    date                VARCHAR,            -- the most reported date, at date_precision
    date_precision      VARCHAR,
    event_date          DATE,               -- first day of `date` (for series and ranges)
    date_first          DATE,               -- earliest and latest dates of the mentions merged
    date_last           DATE,
    source_code         VARCHAR NOT NULL,
    source_country      VARCHAR,
    source_igo          VARCHAR,
    source_sector       VARCHAR,
    source_name         VARCHAR,
    target_code         VARCHAR,
    target_country      VARCHAR,
    target_igo          VARCHAR,
    target_sector       VARCHAR,
    target_name         VARCHAR,
    cameo               VARCHAR NOT NULL,
    root                VARCHAR NOT NULL,
    quad_class          INTEGER NOT NULL,
    goldstein           DOUBLE NOT NULL,
    plover              VARCHAR,
    location            JSON,
    location_key        VARCHAR,
    num_mentions        INTEGER NOT NULL,   -- GDELT NumMentions: mentions in all reports, copies included
    num_sources         INTEGER NOT NULL,   -- GDELT NumSources: distinct outlets
    num_articles        INTEGER NOT NULL,   -- GDELT NumArticles: distinct reports, copies included
    first_mention_id    VARCHAR NOT NULL,   -- the mention that represents the event
    first_article_id    VARCHAR NOT NULL,
    source_url          VARCHAR,
    is_root_event       BOOLEAN,            -- some mention is in a headline or lead paragraph
    background          BOOLEAN,            -- every mention reports it as history
    confidence          DOUBLE              -- the highest confidence of its mentions
);

CREATE INDEX events_group ON events (group_key);
CREATE INDEX events_date ON events (event_date);

CREATE TABLE article_links (
    article_id      VARCHAR PRIMARY KEY,    -- the copy
    original_id     VARCHAR NOT NULL,       -- the coded article it copies
    kind            VARCHAR NOT NULL,       -- exact or near
    similarity      DOUBLE NOT NULL,        -- 1 for exact copies, else estimated containment
    content_hash    VARCHAR NOT NULL,
    title           VARCHAR,
    author          VARCHAR,
    publisher       VARCHAR,
    published       VARCHAR,
    url             VARCHAR,
    source_item     VARCHAR,
    run_id          VARCHAR,
    linked_at       TIMESTAMP DEFAULT current_timestamp
);

CREATE INDEX article_links_original ON article_links (original_id);

CREATE TABLE article_signatures (
    article_id  VARCHAR PRIMARY KEY,
    text_key    VARCHAR NOT NULL,           -- digest of the normalised text: exact duplicates
    minhash     BLOB NOT NULL,              -- MinHash signature: near duplicates
    shingles    INTEGER NOT NULL            -- distinct word 5-grams (for containment)
);

CREATE INDEX article_signatures_text_key ON article_signatures (text_key);

CREATE TABLE article_bands (
    article_id  VARCHAR NOT NULL,
    band        SMALLINT NOT NULL,
    bucket      BIGINT NOT NULL,
    PRIMARY KEY (article_id, band)
);

CREATE INDEX article_bands_bucket ON article_bands (bucket);

CREATE TABLE runs (
    run_id                  VARCHAR PRIMARY KEY,
    started_at              TIMESTAMP NOT NULL,
    finished_at             TIMESTAMP,
    status                  VARCHAR NOT NULL,   -- running, finished, failed, interrupted
    coder_version           VARCHAR,
    model                   VARCHAR,
    patterns_version        VARCHAR,
    dictionary_version      VARCHAR,
    config_hash             VARCHAR,
    config                  JSON,
    inputs                  JSON,
    articles_read           INTEGER DEFAULT 0,
    articles_coded          INTEGER DEFAULT 0,
    articles_unchanged      INTEGER DEFAULT 0,
    articles_linked         INTEGER DEFAULT 0,
    event_mentions_added    INTEGER DEFAULT 0,
    rejects                 INTEGER DEFAULT 0,
    error                   VARCHAR
);

CREATE TABLE settings (
    key     VARCHAR PRIMARY KEY,
    value   JSON NOT NULL
);
