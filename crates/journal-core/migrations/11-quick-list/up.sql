-- The list of pages without reading a single page's text, and saves that
-- never merge the search index (the app merges it while idle).
-- Append-only: never edit this file once shipped.

-- A page's first line as the list shows it (pages::page::first_line). Saves
-- and imports set it; for pages saved before, the migration works it out in
-- Rust right after this file (db::migrate::after).
ALTER TABLE page ADD COLUMN first_line TEXT;

-- Everything the list and the calendar read, in date order: they are
-- answered from this index alone, never from the rows that hold the text.
CREATE INDEX page_list ON page(date, written, mood, words, first_line);

-- No merging of the search index's segments inside a save (before, a save
-- that happened to merge a ten-year index took over 100 ms). Merges run in
-- the app's idle time (Store::tidy_search). Saves with no idle time between
-- merge the small segments they made once there are 32 of them (about 3 ms,
-- once in 32 saves); only a script writing a thousand pages in a row gets
-- to a larger merge.
INSERT INTO page_fts(page_fts, rank) VALUES ('automerge', 0);
INSERT INTO page_fts(page_fts, rank) VALUES ('crisismerge', 32);
