-- A logged contact or urge can be corrected or removed; nothing is erased.
-- A removed event keeps its row with `removed_at` set and no longer counts;
-- every change keeps the event as it was before, so it can be seen and undone.
-- Append-only: never edit this file once shipped.
ALTER TABLE contact ADD COLUMN removed_at TEXT;
ALTER TABLE urge ADD COLUMN removed_at TEXT;

CREATE TABLE event_change (
    id         INTEGER PRIMARY KEY,
    event      TEXT NOT NULL CHECK (event IN ('contact', 'urge')),
    event_id   INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('edit', 'remove', 'restore')),
    changed_at TEXT NOT NULL,
    -- The event before the change, as JSON.
    before     TEXT NOT NULL
) STRICT;
CREATE INDEX event_change_event ON event_change(event, event_id, id);
