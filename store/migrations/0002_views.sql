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

-- province_year: one row per province and year (latest report) with a column per key metric (the first figure of each metric in the report).
CREATE VIEW province_year AS
WITH f AS (
	SELECT document_id, metric, value
	FROM metrics
	WHERE id IN (SELECT min(id) FROM metrics GROUP BY document_id, metric)
)
SELECT l.province_code, l.province_name, l.year,
	max(CASE WHEN f.metric = 'tthc.total' THEN f.value END) AS tthc_total,
	max(CASE WHEN f.metric = 'tthc.provincial' THEN f.value END) AS tthc_provincial,
	max(CASE WHEN f.metric = 'tthc.district' THEN f.value END) AS tthc_district,
	max(CASE WHEN f.metric = 'tthc.commune' THEN f.value END) AS tthc_commune,
	max(CASE WHEN f.metric = 'dvc.level3' THEN f.value END) AS dvc_level3,
	max(CASE WHEN f.metric = 'dvc.level4' THEN f.value END) AS dvc_level4,
	max(CASE WHEN f.metric = 'dvc.level4_rate' THEN f.value END) AS dvc_level4_rate,
	max(CASE WHEN f.metric = 'dvc.national_portal' THEN f.value END) AS dvc_national_portal,
	max(CASE WHEN f.metric = 'records.total' THEN f.value END) AS records_total,
	max(CASE WHEN f.metric = 'records.online' THEN f.value END) AS records_online,
	max(CASE WHEN f.metric = 'records.online_rate' THEN f.value END) AS records_online_rate,
	max(CASE WHEN f.metric = 'records.on_time_rate' THEN f.value END) AS records_on_time_rate,
	max(CASE WHEN f.metric = 'cert.total' THEN f.value END) AS cert_total,
	max(CASE WHEN f.metric = 'cert.active' THEN f.value END) AS cert_active,
	max(CASE WHEN f.metric = 'edoc.total' THEN f.value END) AS edoc_total,
	max(CASE WHEN f.metric = 'edoc.signed' THEN f.value END) AS edoc_signed,
	max(CASE WHEN f.metric = 'edoc.signed_rate' THEN f.value END) AS edoc_signed_rate,
	max(CASE WHEN f.metric = 'email.accounts' THEN f.value END) AS email_accounts,
	max(CASE WHEN f.metric = 'soc.status' THEN f.value END) AS soc_status,
	max(CASE WHEN f.metric = 'soc.ncsc_connected' THEN f.value END) AS soc_ncsc_connected,
	max(CASE WHEN f.metric = 'budget.total_vnd' THEN f.value END) AS budget_total_vnd,
	max(CASE WHEN f.metric = 'budget.security_vnd' THEN f.value END) AS budget_security_vnd,
	(SELECT sum(b.amount_vnd) FROM budget_items b
		WHERE b.document_id = l.document_id) AS budget_items_vnd,
	(SELECT count(*) FROM flags g
		WHERE g.document_id = l.document_id AND g.severity = 'error') AS flag_errors,
	(SELECT count(*) FROM flags g
		WHERE g.document_id = l.document_id AND g.severity = 'warning') AS flag_warnings,
	l.doc_date, l.document_id, l.path AS document
FROM latest_documents l
LEFT JOIN f ON f.document_id = l.document_id
GROUP BY l.document_id;

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

-- unit2025_year: one row per unit of 2025 (34 provinces) and year: counts and money summed over the old provinces it covers (latest reports), rates recomputed from summed parts where every covering report has both parts, other rates NULL.
CREATE VIEW unit2025_year AS
WITH py AS (
	SELECT p.*, g.new_code AS unit_code
	FROM province_year p
	JOIN province_merger_2025 g ON g.old_code = p.province_code
)
SELECT py.unit_code, u.name AS unit_name, py.year,
	(SELECT group_concat(x, ', ') FROM (
		SELECT o.name || ' (' || o.code || ')' AS x
		FROM province_year p2
		JOIN province_merger_2025 g2 ON g2.old_code = p2.province_code
		JOIN provinces o ON o.era = '63' AND o.code = p2.province_code
		WHERE g2.new_code = py.unit_code AND p2.year = py.year
		ORDER BY o.code
	)) AS covers,
	(SELECT group_concat(x, ', ') FROM (
		SELECT o.name || ' (' || o.code || ')' AS x
		FROM province_merger_2025 g3
		JOIN provinces o ON o.era = '63' AND o.code = g3.old_code
		WHERE g3.new_code = py.unit_code
		ORDER BY o.code
	)) AS all_covers,
	count(*) AS reports,
	sum(py.tthc_total) AS tthc_total,
	sum(py.tthc_provincial) AS tthc_provincial,
	sum(py.tthc_district) AS tthc_district,
	sum(py.tthc_commune) AS tthc_commune,
	sum(py.dvc_level3) AS dvc_level3,
	sum(py.dvc_level4) AS dvc_level4,
	CASE WHEN count(*) = count(py.dvc_level4) AND count(*) = count(py.tthc_total) AND sum(py.tthc_total) > 0
		THEN round(100.0 * sum(py.dvc_level4) / sum(py.tthc_total), 2) END AS dvc_level4_rate,
	sum(py.dvc_national_portal) AS dvc_national_portal,
	sum(py.records_total) AS records_total,
	sum(py.records_online) AS records_online,
	CASE WHEN count(*) = count(py.records_online) AND count(*) = count(py.records_total) AND sum(py.records_total) > 0
		THEN round(100.0 * sum(py.records_online) / sum(py.records_total), 2) END AS records_online_rate,
	NULL AS records_on_time_rate,
	sum(py.cert_total) AS cert_total,
	sum(py.cert_active) AS cert_active,
	sum(py.edoc_total) AS edoc_total,
	sum(py.edoc_signed) AS edoc_signed,
	CASE WHEN count(*) = count(py.edoc_signed) AND count(*) = count(py.edoc_total) AND sum(py.edoc_total) > 0
		THEN round(100.0 * sum(py.edoc_signed) / sum(py.edoc_total), 2) END AS edoc_signed_rate,
	sum(py.email_accounts) AS email_accounts,
	sum(py.budget_total_vnd) AS budget_total_vnd,
	sum(py.budget_security_vnd) AS budget_security_vnd,
	sum(py.budget_items_vnd) AS budget_items_vnd
FROM py
LEFT JOIN provinces u ON u.era = '34' AND u.code = py.unit_code
GROUP BY py.unit_code, py.year;
