-- 0002: views for querying and export. Each view is preceded by a
-- "-- name: comment" line that SchemaDoc reports.

-- latest_documents: the latest report per province and year (by doc_date, else ingested_at, else id); reports whose province or year is unknown each stand alone.
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
	WHERE d.status = 'ok'
)
WHERE rank = 1;

-- metric_values: one row per figure of every report read, with its province, year, Vietnamese label and evidence.
CREATE VIEW metric_values AS
SELECT d.province_code, d.province_name, d.year, m.metric, c.label_vi,
	m.value, m.unit, m.qualifier, d.path AS document, d.id AS document_id,
	m.text, m.page, m.line, m.rule
FROM metrics m
JOIN documents d ON d.id = m.document_id
LEFT JOIN metric_catalog c ON c.code = m.metric
WHERE d.status = 'ok';

-- latest_metric_values: metric_values restricted to the latest report per province and year.
CREATE VIEW latest_metric_values AS
SELECT v.*
FROM metric_values v
JOIN latest_documents l ON l.document_id = v.document_id;

-- report_flags: the inconsistencies found in each report, with its province, year and the evidence involved.
CREATE VIEW report_flags AS
SELECT d.province_code, d.province_name, d.year, f.severity, f."check",
	f.check_id, f.metric, f.stated, f.computed, f.message,
	(SELECT group_concat(x, ' | ') FROM (
		SELECT e.text || ' [' ||
			CASE WHEN e.page > 0 THEN 'p. ' || e.page || ', ' ELSE '' END ||
			'l. ' || e.line || ']' AS x
		FROM flag_evidence e WHERE e.flag_id = f.id ORDER BY e.id
	)) AS evidence,
	d.path AS document, d.id AS document_id, f.id AS flag_id
FROM flags f
JOIN documents d ON d.id = f.document_id;

-- province_year and unit2025_year are not created here: their columns
-- are the key figures of the metric catalog, so store.Open derives them
-- from the catalog it is given and recreates them when it changes
-- (store/views.go). Databases made before that have the hand-written
-- versions of this file, which Open replaces.
