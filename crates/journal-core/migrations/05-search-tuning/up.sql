-- Merge the full-text index's segments less often: each save then does less
-- work in the worst case (search stays well within its budget).
-- Append-only: never edit this file once shipped.
INSERT INTO page_fts(page_fts, rank) VALUES ('automerge', 16);
