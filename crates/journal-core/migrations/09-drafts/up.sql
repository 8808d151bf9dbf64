-- Words typed outside the page (the upfront note, a period's outcome, a
-- contact's or urge's note, a reflection) kept until they are submitted or
-- discarded, so closing the window, switching pages or a crash loses none.
-- Append-only: never edit this file once shipped.
CREATE TABLE draft (
    key        TEXT PRIMARY KEY NOT NULL,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
