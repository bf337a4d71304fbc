-- 0001: tables of the baocao store.

-- documents: one row per distinct file content (sha256) read, or per
-- file that failed to read.
CREATE TABLE documents (
	id            INTEGER PRIMARY KEY,
	path          TEXT NOT NULL,
	sha256        TEXT UNIQUE,
	format        TEXT NOT NULL DEFAULT '',
	size          INTEGER NOT NULL DEFAULT 0,
	province_code TEXT,
	province_name TEXT,
	year          INTEGER,
	doc_date      TEXT,
	pages         INTEGER,
	status        TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
	error         TEXT,
	ingested_at   TEXT NOT NULL,
	warnings      TEXT,
	ocr_pages     TEXT
);
CREATE INDEX documents_province_year ON documents (province_code, year);

-- document_paths: every path at which a document's content was seen.
CREATE TABLE document_paths (
	path        TEXT PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	size        INTEGER NOT NULL,
	mtime       INTEGER NOT NULL
);
CREATE INDEX document_paths_document ON document_paths (document_id);

-- metrics: the figures of a report (the JSON contract's "metrics").
-- value has no declared type: REAL numbers, TEXT statuses, INTEGER 1/0
-- booleans.
CREATE TABLE metrics (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	metric      TEXT NOT NULL,
	value,
	unit        TEXT,
	qualifier   TEXT,
	text        TEXT,
	page        INTEGER,
	line        INTEGER,
	rule        TEXT,
	source      TEXT,
	confidence  REAL
);
CREATE INDEX metrics_document ON metrics (document_id, metric);
CREATE INDEX metrics_metric ON metrics (metric);

-- budget_items: rows of a report's budget table.
CREATE TABLE budget_items (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	no          INTEGER,
	name        TEXT,
	owner       TEXT,
	amount_vnd  REAL,
	source      TEXT,
	status      TEXT,
	text        TEXT,
	page        INTEGER,
	line        INTEGER
);
CREATE INDEX budget_items_document ON budget_items (document_id);

-- flags: inconsistencies found in a report.
CREATE TABLE flags (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	"check"     TEXT,
	check_id    TEXT,
	severity    TEXT,
	metric      TEXT,
	stated      REAL,
	computed    REAL,
	message     TEXT
);
CREATE INDEX flags_document ON flags (document_id);

-- flag_evidence: the figures a flag involves.
CREATE TABLE flag_evidence (
	id      INTEGER PRIMARY KEY,
	flag_id INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
	metric  TEXT,
	value   REAL,
	text    TEXT,
	page    INTEGER,
	line    INTEGER
);
CREATE INDEX flag_evidence_flag ON flag_evidence (flag_id);

-- provinces: provincial units of both eras: '63' (until 2025-06-30) and
-- '34' (from 2025-07-01).
CREATE TABLE provinces (
	era        TEXT NOT NULL CHECK (era IN ('63', '34')),
	code       TEXT NOT NULL,
	name       TEXT NOT NULL,
	full_name  TEXT NOT NULL,
	valid_from TEXT,
	valid_to   TEXT,
	PRIMARY KEY (era, code)
);

-- province_merger_2025: which unit of 2025 each of the 63 provinces
-- became part of.
CREATE TABLE province_merger_2025 (
	old_code TEXT PRIMARY KEY,
	new_code TEXT NOT NULL
);

-- metric_catalog: the metric catalog, refreshed on every read-write open.
CREATE TABLE metric_catalog (
	code     TEXT PRIMARY KEY,
	unit     TEXT NOT NULL,
	label_vi TEXT NOT NULL,
	meaning  TEXT NOT NULL
);

-- runs: a log of ingest runs.
CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	started_at  TEXT NOT NULL,
	finished_at TEXT,
	seen        INTEGER NOT NULL DEFAULT 0,
	saved       INTEGER NOT NULL DEFAULT 0,
	skipped     INTEGER NOT NULL DEFAULT 0,
	duplicates  INTEGER NOT NULL DEFAULT 0,
	replaced    INTEGER NOT NULL DEFAULT 0,
	failed      INTEGER NOT NULL DEFAULT 0
);
