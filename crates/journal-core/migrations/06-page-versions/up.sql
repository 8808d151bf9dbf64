-- Each page carries a version, raised by every save, so a writer can say
-- which text it started from and a save never replaces text its writer has
-- not seen. `text_changed_at` is when the text itself last changed (a save
-- of only the mood leaves it), which the revision rule measures from.
-- Append-only: never edit this file once shipped.
ALTER TABLE page ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE page ADD COLUMN text_changed_at TEXT;
UPDATE page SET text_changed_at = updated_at;
