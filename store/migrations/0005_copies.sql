-- 0005: a report and its copies. A province often sends the same report
-- more than once (the signed scan and the editable DOCX, a PDF export, a
-- declared correction): each file is a document, and the documents of
-- one report are its copies. Copies are grouped as they are saved (see
-- store/copies.go): same province and year, and the same document number
-- when both copies have one, else the same issue date when both have
-- one, else the same figures (at least five metrics in common, four in
-- five of them equal). The province tables read each report's best copy
-- through latest_documents, which migration 0008 makes again, after
-- 0007 made it read the period.

-- reports: one report a province issued, read from one or more files (its copies are the documents with its report_id); best_document_id is the copy the province tables take its figures from (pinned_document_id, the copy chosen with baocao docs --pin, else the best by rank).
CREATE TABLE reports (
	id                 INTEGER PRIMARY KEY,
	best_document_id   INTEGER REFERENCES documents (id) ON DELETE SET NULL,
	pinned_document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL
);

ALTER TABLE documents ADD COLUMN report_id INTEGER REFERENCES reports (id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN doc_number TEXT;
ALTER TABLE documents ADD COLUMN correction INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_report ON documents (report_id);

-- The copy of another file that a copies.disagree flag's evidence
-- comes from (NULL: the flag's own document).
ALTER TABLE flag_evidence ADD COLUMN document_id INTEGER REFERENCES documents (id) ON DELETE CASCADE;

-- report_copies: every copy of every report: whether it is the best copy, pinned or removed, its figure count, whether it was read by OCR and whether it declares a correction.
CREATE VIEW report_copies AS
SELECT d.report_id, d.id AS document_id, d.path, d.format, d.province_code,
	d.province_name, d.year, d.doc_number, d.doc_date, d.ingested_at,
	(SELECT count(*) FROM metrics m WHERE m.document_id = d.id) AS figures,
	d.ocr_pages IS NOT NULL AS ocr, d.correction,
	d.id = r.best_document_id AS best,
	d.id IS r.pinned_document_id AS pinned, d.removed
FROM documents d
JOIN reports r ON r.id = d.report_id
WHERE d.status = 'ok';
