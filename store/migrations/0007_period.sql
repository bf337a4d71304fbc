-- 0007: the period a report covers, beside its year, and the map and
-- source of its province (the JSON contract's period, province.era and
-- province.source). The province table takes full-year reports only, so
-- that a quarter's or a half-year's figures never stand beside a year's.
-- Reports stored before this migration have no period: they count as
-- full-year reports, as they did.

ALTER TABLE documents ADD COLUMN period_kind TEXT;
ALTER TABLE documents ADD COLUMN period_start TEXT;
ALTER TABLE documents ADD COLUMN period_end TEXT;
ALTER TABLE documents ADD COLUMN period_text TEXT;
ALTER TABLE documents ADD COLUMN province_era TEXT;
ALTER TABLE documents ADD COLUMN province_source TEXT;

-- latest_documents reads the period: full-year reports only.
DROP VIEW latest_documents;

-- latest_documents: the latest full-year report per province and year (by doc_date, else ingested_at, else id); reports on a quarter, a half, some months or several years are left out (report_periods lists them); reports whose province or year is unknown each stand alone.
CREATE VIEW latest_documents AS
SELECT document_id, path, province_code, province_name, year, doc_date,
	ingested_at, format, pages, sha256
FROM (
	SELECT d.id AS document_id, d.path, d.province_code, d.province_name,
		d.year, d.doc_date, d.ingested_at, d.format, d.pages, d.sha256,
		row_number() OVER (
			PARTITION BY d.province_code, d.year,
				CASE WHEN d.province_code IS NULL OR d.year IS NULL THEN d.id END
			ORDER BY d.doc_date IS NULL, d.doc_date DESC,
				d.ingested_at DESC, d.id DESC
		) AS rank
	FROM documents d
	WHERE d.status = 'ok' AND coalesce(d.period_kind, 'year') = 'year'
)
WHERE rank = 1;

-- report_periods: every report read with the period it covers (kind year, half, quarter, nine_months, month, range or multi_year; first and last day; the words it was read from), whether it is a full-year report, and whether the province table (latest_documents) uses it.
CREATE VIEW report_periods AS
SELECT d.id AS document_id, d.path, d.province_code, d.province_name,
	d.province_era, d.province_source, d.year,
	coalesce(d.period_kind, 'year') AS period_kind, d.period_start,
	d.period_end, d.period_text,
	coalesce(d.period_kind, 'year') = 'year' AS full_year,
	EXISTS (SELECT 1 FROM latest_documents l WHERE l.document_id = d.id) AS in_province_table,
	d.doc_date
FROM documents d
WHERE d.status = 'ok';
