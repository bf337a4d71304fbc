-- 0004: the bytes of the files read, so that evidence survives when the
-- folder of reports moves.

-- originals: the bytes of each file read, by content hash (sha256 of documents), for showing a figure on its page.
CREATE TABLE originals (
	sha256    TEXT PRIMARY KEY,
	size      INTEGER NOT NULL,
	data      BLOB NOT NULL,
	stored_at TEXT NOT NULL
);
