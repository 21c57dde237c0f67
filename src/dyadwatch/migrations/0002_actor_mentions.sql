-- 0002_actor_mentions: every resolved actor mention, with the cascade step that resolved it.
CREATE TABLE actor_mentions (
    mention_id      VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    start_offset    INTEGER NOT NULL,   -- character offsets into articles.text
    end_offset      INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    code            VARCHAR NOT NULL,
    country         VARCHAR,
    igo             VARCHAR,
    sector          VARCHAR,
    name            VARCHAR,
    rule            VARCHAR NOT NULL
);

CREATE INDEX actor_mentions_code ON actor_mentions (code);
CREATE INDEX actor_mentions_article ON actor_mentions (article_id);
