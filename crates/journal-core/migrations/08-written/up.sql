-- One meaning of "written", kept with each page so every reader (the list,
-- the calendar, the reminders) asks the same question: the page holds text
-- that is not blank, or a mood. Saves set it (pages::page::is_written); here
-- it is worked out for pages saved before, with SQL's trim of ASCII blanks.
-- Append-only: never edit this file once shipped.
ALTER TABLE page ADD COLUMN written INTEGER NOT NULL DEFAULT 0;
UPDATE page SET written = (mood IS NOT NULL OR trim(body, char(32, 9, 10, 11, 12, 13)) <> '');
