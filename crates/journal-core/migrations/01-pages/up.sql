-- One page per local calendar day. Dates are ISO 8601 (YYYY-MM-DD), instants
-- are RFC 3339 in UTC. Append-only: never edit this file once shipped.
CREATE TABLE page (
    date        TEXT PRIMARY KEY NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    body        TEXT NOT NULL DEFAULT '',
    mood        INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
    words       INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Earlier text of a page, kept when a save replaces text that had stood for a
-- while (or wipes it), so an accidental loss can be undone.
CREATE TABLE page_revision (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL REFERENCES page(date) ON DELETE CASCADE,
    body        TEXT NOT NULL,
    mood        INTEGER,
    saved_at    TEXT NOT NULL,
    replaced_at TEXT NOT NULL
) STRICT;
CREATE INDEX page_revision_date ON page_revision(date, id);

-- Full-text index over page bodies, kept in step by triggers.
CREATE VIRTUAL TABLE page_fts USING fts5(
    body,
    content = 'page',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER page_ai AFTER INSERT ON page BEGIN
    INSERT INTO page_fts(rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER page_ad AFTER DELETE ON page BEGIN
    INSERT INTO page_fts(page_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER page_au AFTER UPDATE OF body ON page BEGIN
    INSERT INTO page_fts(page_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO page_fts(rowid, body) VALUES (new.rowid, new.body);
END;
