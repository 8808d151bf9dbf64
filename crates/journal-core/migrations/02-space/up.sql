-- Giving space: periods, the contact log and urges held back.
-- Append-only: never edit this file once shipped.
CREATE TABLE space_period (
    id           INTEGER PRIMARY KEY,
    start_date   TEXT NOT NULL,
    upfront_note TEXT,
    end_date     TEXT CHECK (end_date IS NULL OR end_date >= start_date),
    outcome      TEXT,
    started_at   TEXT NOT NULL,
    ended_at     TEXT
) STRICT;
-- At most one open period at a time.
CREATE UNIQUE INDEX space_period_one_open ON space_period ((end_date IS NULL)) WHERE end_date IS NULL;

-- Each contact keeps its instant (UTC) and the local calendar date it happened
-- on, so a later change of time zone never moves it to another day.
CREATE TABLE contact (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    local_date TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('pursued', 'necessary', 'they-reached-out', 'upfront')),
    note       TEXT
) STRICT;
CREATE INDEX contact_local_date ON contact(local_date);

CREATE TABLE urge (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    local_date TEXT NOT NULL,
    intensity  INTEGER CHECK (intensity IS NULL OR intensity BETWEEN 1 AND 5),
    note       TEXT
) STRICT;
CREATE INDEX urge_local_date ON urge(local_date);

-- Milestones already acknowledged in the app, so each is shown once.
CREATE TABLE milestone_seen (
    period_id INTEGER NOT NULL REFERENCES space_period(id) ON DELETE CASCADE,
    days      INTEGER NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (period_id, days)
) STRICT;
