-- Settings (key -> value text, validated in code) and the notifications
-- already delivered, so a restart never repeats one.
-- Append-only: never edit this file once shipped.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE delivery (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('daily', 'milestone', 'check-in', 'catch-up')),
    local_date TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- What it was about: "milestone:<period>:<days>", "silence:<last page date>", or ''.
    topic      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX delivery_date ON delivery(local_date);
