-- 0004_quotes: reported speech, its speaker, channel and audience, linked to the events coded from it.
CREATE TABLE quotes (
    quote_id        VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    kind            VARCHAR NOT NULL,     -- direct or indirect
    text            VARCHAR NOT NULL,
    start_offset    INTEGER NOT NULL,     -- character offsets into articles.text
    end_offset      INTEGER NOT NULL,
    speaker_code    VARCHAR,
    speaker_name    VARCHAR,
    speaker_text    VARCHAR,
    verb            VARCHAR,
    via_name        VARCHAR,
    via_code        VARCHAR,
    audience_name   VARCHAR,
    audience_code   VARCHAR,
    event_ids       JSON                  -- events coded from the same speech act
);

CREATE INDEX quotes_speaker ON quotes (speaker_code);
CREATE INDEX quotes_article ON quotes (article_id);
