-- 0008: the province tables read each report's best copy (0005) among
-- full-year reports (0007). latest_documents is made again with both.

DROP VIEW latest_documents;

-- latest_documents: the latest full-year report per province and year, read from its best copy (reports.best_document_id): a report with figures before one without, then by doc_date, then born-digital before OCR, more figures, later ingested_at; reports on a quarter, a half, some months or several years are left out (report_periods lists them); reports whose province or year is unknown each stand alone.
CREATE VIEW latest_documents AS
SELECT document_id, path, province_code, province_name, year, doc_date,
	ingested_at, format, pages, sha256
FROM (
	SELECT d.id AS document_id, d.path, d.province_code, d.province_name,
		d.year, d.doc_date, d.ingested_at, d.format, d.pages, d.sha256,
		row_number() OVER (
			PARTITION BY d.province_code, d.year,
				CASE WHEN d.province_code IS NULL OR d.year IS NULL THEN d.id END
			ORDER BY EXISTS (SELECT 1 FROM metrics m WHERE m.document_id = d.id) DESC,
				d.doc_date IS NULL, d.doc_date DESC,
				d.ocr_pages IS NULL DESC,
				(SELECT count(*) FROM metrics m WHERE m.document_id = d.id) DESC,
				d.ingested_at DESC, d.id DESC
		) AS rank
	FROM reports r
	JOIN documents d ON d.id = r.best_document_id
	WHERE d.status = 'ok' AND coalesce(d.period_kind, 'year') = 'year'
)
WHERE rank = 1;
