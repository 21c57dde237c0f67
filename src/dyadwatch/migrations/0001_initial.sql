-- 0001_initial: articles, events and rejects.
CREATE TABLE articles (
    article_id     VARCHAR PRIMARY KEY,
    content_hash   VARCHAR NOT NULL,
    title          VARCHAR,
    author         VARCHAR,
    publisher      VARCHAR,
    published      VARCHAR,          -- ISO 8601 date or date-time, as precise as the input
    section        VARCHAR,
    url            VARCHAR,
    source_item    VARCHAR,
    text           VARCHAR NOT NULL, -- what event offsets refer to
    paragraphs     JSON,             -- [{start, end, kind}]
    extra          JSON,
    sentences      INTEGER,
    model          VARCHAR,
    coder_version  VARCHAR,
    coded_at       TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE events (
    event_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    sentence        VARCHAR NOT NULL,
    sentence_start  INTEGER NOT NULL,
    source_code     VARCHAR NOT NULL,
    source_country  VARCHAR,
    source_igo      VARCHAR,
    source_sector   VARCHAR,
    source_name     VARCHAR,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_igo      VARCHAR,
    target_sector   VARCHAR,
    target_name     VARCHAR,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    verb            VARCHAR,
    verb_start      INTEGER,
    verb_end        INTEGER,
    cameo           VARCHAR NOT NULL,
    root            VARCHAR NOT NULL,
    quad_class      INTEGER NOT NULL,
    goldstein       DOUBLE NOT NULL,
    plover          VARCHAR,
    date            VARCHAR,          -- YYYY-MM-DD, YYYY-MM or YYYY by date_precision
    date_precision  VARCHAR,
    date_text       VARCHAR,
    location        JSON,
    evidence        VARCHAR,
    coder_version   VARCHAR
);

CREATE INDEX events_article ON events (article_id);

CREATE TABLE rejects (
    reject_id   VARCHAR PRIMARY KEY,
    item        VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    message     VARCHAR,
    first_seen  TIMESTAMP DEFAULT current_timestamp
);
