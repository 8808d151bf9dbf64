-- What the person told us about guidance cards: the ones that helped (shown
-- first in the library) and the ones set aside for a given day.
-- Append-only: never edit this file once shipped.
CREATE TABLE card_helpful (
    card_id   TEXT PRIMARY KEY NOT NULL,
    marked_at TEXT NOT NULL
) STRICT;

CREATE TABLE card_set_aside (
    card_id TEXT NOT NULL,
    date    TEXT NOT NULL,
    PRIMARY KEY (card_id, date)
) STRICT;
