-- Not alone: time spent with people, and the messages written here instead
-- of being sent. Append-only: never edit this file once shipped.

-- Time with people, on the local day it was. A mistaken entry is taken back
-- with `removed_at` set (it no longer counts, and can be put back).
CREATE TABLE company (
    id         INTEGER PRIMARY KEY,
    local_date TEXT NOT NULL,
    who        TEXT NOT NULL CHECK (length(trim(who)) > 0),
    what       TEXT,
    felt       INTEGER CHECK (felt IS NULL OR felt BETWEEN 1 AND 5),
    logged_at  TEXT NOT NULL,
    removed_at TEXT
) STRICT;
CREATE INDEX company_local_date ON company(local_date);

-- A message written out instead of being sent. Kept unsent (which also
-- logged an urge held), or sent as a short, practical version (which logged
-- a necessary contact). Deleting one keeps nothing of its text.
CREATE TABLE unsent (
    id         INTEGER PRIMARY KEY,
    local_date TEXT NOT NULL,
    body       TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('kept', 'sent-necessary')),
    written_at TEXT NOT NULL,
    urge_id    INTEGER,
    contact_id INTEGER
) STRICT;
CREATE INDEX unsent_local_date ON unsent(local_date);

-- The weekly look back's invitation is a reminder of its own kind. SQLite
-- changes a CHECK only by building the table again.
CREATE TABLE delivery_new (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL
               CHECK (kind IN ('daily', 'milestone', 'check-in', 'catch-up', 'review')),
    local_date TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- What it was about: "milestone:<period>:<days>", "silence:<last page
    -- date>", "review:<date>", or ''.
    topic      TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO delivery_new (id, kind, local_date, at, topic)
    SELECT id, kind, local_date, at, topic FROM delivery;
DROP TABLE delivery;
ALTER TABLE delivery_new RENAME TO delivery;
CREATE INDEX delivery_date ON delivery(local_date);
