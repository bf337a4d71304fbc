-- 0004: the bytes of the files read, so that evidence survives when the
-- folder of reports moves.

-- originals: the bytes of each file read, by content hash (sha256 of documents), for showing a figure on its page.
CREATE TABLE originals (
	sha256    TEXT PRIMARY KEY,
	size      INTEGER NOT NULL,
	data      BLOB NOT NULL,
	stored_at TEXT NOT NULL
);

-- province_year and unit2025_year are not created here: their columns are
-- the key figures of the metric catalog, so store.Open derives them from
-- the catalog it is given and recreates them when they change
-- (store/views.go), in the form this migration first gave them: each key
-- metric of a report read by an index lookup (metrics_document) instead of
-- a pass over every figure of the database, and the units' covers from
-- latest_documents (on 8,000 reports, province_year for one year went from
-- 1.2 s to 20 ms).
