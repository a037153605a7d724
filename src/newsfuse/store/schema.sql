-- newsfuse store schema. Main fields are real columns for SQL users; nested
-- parts are JSON (records.to_dict) so every record reads back whole.
-- Every statement is idempotent: it runs on each open of a writable store.
-- Corpus-level tables (copies, stories, events, briefs) carry no primary key:
-- they are replaced whole and read back exactly as written.

CREATE TABLE IF NOT EXISTS store_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,             -- write order, so records read back in the order given
    source VARCHAR NOT NULL,
    url VARCHAR,
    outlet VARCHAR,
    title VARCHAR,
    byline VARCHAR,
    published_date VARCHAR,          -- ISO 8601, day or minute
    published_precision VARCHAR,
    published_origin VARCHAR,        -- where the date was read: html-meta, text:byline ...
    language VARCHAR,
    kind VARCHAR,
    text VARCHAR NOT NULL,
    paragraphs JSON,                 -- [[start, end], ...] into text
    removed JSON,                    -- [{text, reason}, ...]
    credits JSON,                    -- [{name, kind, evidence, how}, ...]
    added_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS annotations (
    document VARCHAR PRIMARY KEY,
    sentences INTEGER,
    record BLOB NOT NULL             -- the whole Annotation, zlib-compressed JSON (store/rows.py says why)
);

CREATE TABLE IF NOT EXISTS mentions (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,             -- write order, so records read back in the order given
    document VARCHAR NOT NULL,
    type VARCHAR,
    sub_type VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    place_name VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    fatalities INTEGER,              -- Figure.best of the fatalities figure
    sentence VARCHAR,
    record JSON NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions (document);

CREATE TABLE IF NOT EXISTS copies (
    seq BIGINT NOT NULL,            -- write order, so records read back in the order given
    a VARCHAR NOT NULL,
    b VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    overlap DOUBLE,
    original VARCHAR,
    evidence VARCHAR,
    passages JSON
);

CREATE TABLE IF NOT EXISTS origin_groups (
    document VARCHAR PRIMARY KEY,
    origin_group VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS origins (
    document VARCHAR PRIMARY KEY,
    credits JSON NOT NULL            -- wire services / publishers it credits or carries
);

CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,             -- write order, so records read back in the order given
    title VARCHAR,
    documents VARCHAR[]
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR NOT NULL,
    seq BIGINT NOT NULL,             -- write order, so records read back in the order given
    story VARCHAR,
    type VARCHAR,
    sub_type VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    place_name VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    country VARCHAR,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    documents VARCHAR[],
    independent_sources VARCHAR[],
    contradictions INTEGER,          -- how many fields are contested
    summary VARCHAR,
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS briefs (
    story VARCHAR NOT NULL,
    seq BIGINT NOT NULL,             -- write order, so records read back in the order given
    text VARCHAR,                    -- the sentences joined, for search
    record JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS rejections (
    seq BIGINT NOT NULL,            -- write order, so records read back in the order given
    source VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    rejected_at TIMESTAMP DEFAULT current_timestamp
);

-- Typed days for SQL users and exports: the first and last day an event's
-- (day / week / month / year) date covers, and a document's publication day.
-- Views, so the tables written above keep their shape.
CREATE OR REPLACE MACRO iso_day(d) AS
    CASE WHEN length(d) >= 10 THEN TRY_CAST(left(d, 10) AS DATE)
         WHEN length(d) = 7 THEN TRY_CAST(d || '-01' AS DATE)
         WHEN length(d) = 4 THEN TRY_CAST(d || '-01-01' AS DATE) END;
CREATE OR REPLACE VIEW events_dated AS
    SELECT * EXCLUDE (record, date),
           iso_day(date) AS date_start,
           CASE date_precision
               WHEN 'week' THEN iso_day(date) + 6
               WHEN 'month' THEN CAST(last_day(iso_day(date)) AS DATE)
               WHEN 'year' THEN CAST(date_trunc('year', iso_day(date)) + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE)
               ELSE iso_day(date) END AS date_end
    FROM events;
CREATE OR REPLACE VIEW documents_dated AS
    SELECT * EXCLUDE (text, paragraphs, removed, credits), iso_day(published_date) AS published
    FROM documents;

-- The copy index: what a new document is compared against so a run never recomputes the copy
-- graph of the whole store (copies/incremental.py). One row per document in copy_index (n is
-- its number in the other two tables), per (document, LSH band) in copy_bands, per (document,
-- distinct index n-gram) in copy_grams; copy_stock holds the n-grams found in too many documents
-- to pair them (stock phrases), which only grows.
CREATE TABLE IF NOT EXISTS copy_index (
    document VARCHAR PRIMARY KEY,
    n INTEGER NOT NULL,
    duplicate UBIGINT                -- hash of the whole word sequence (same value = duplicate)
);
CREATE TABLE IF NOT EXISTS copy_bands (band SMALLINT NOT NULL, key UBIGINT NOT NULL, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS copy_grams (gram UINTEGER NOT NULL, n INTEGER NOT NULL);  -- low 32 bits (increments.stored_gram)
CREATE TABLE IF NOT EXISTS copy_stock (gram UBIGINT PRIMARY KEY);

-- What story clustering reads of each annotation (places, actors, dates; no sentences), with
-- the story day, so a run clusters new documents against the stored ones of their days only.
CREATE TABLE IF NOT EXISTS story_signals (
    document VARCHAR PRIMARY KEY,
    day INTEGER,                     -- stories.signals.story_day as an ordinal; NULL when unknown
    record JSON NOT NULL,            -- the Annotation without its sentences
    keys VARCHAR                     -- what story clustering reads of it and of the text (stories/keys.py)
);

-- The full person names of each story-signalled document with a story day, hashed
-- (stories/blocking.py), so a run finds the stored documents naming one of its new documents'
-- people months earlier through the index, whatever the store's size; store_meta 'story_names'
-- says every signalled document is in it and how its names were keyed (a store from before it, or
-- keyed another way, is indexed again once).
CREATE TABLE IF NOT EXISTS story_names (
    key BIGINT NOT NULL,
    document VARCHAR NOT NULL,
    day INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS story_names_key ON story_names (key);

-- What each parsed document says of its outlet's home area (nlp/homes.py), kept so a run learns
-- outlets' homes from every report stored so far, not from its own alone: one row per document
-- read for it (host NULL when it teaches nothing: an outlet a table places, an unreadable text),
-- with the document's write order (ties between areas go to the one named first) and the
-- admin-1 areas it places towns in ("US/06"), in the order it names them.
CREATE TABLE IF NOT EXISTS outlet_evidence (
    document VARCHAR PRIMARY KEY,
    host VARCHAR,
    seq BIGINT NOT NULL,
    areas VARCHAR[] NOT NULL
);
