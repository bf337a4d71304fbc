-- Provinces and years with more than one report (corrected resubmissions), and which report the latest views use.
SELECT d.province_code, d.province_name, d.year, count(*) AS reports,
	(SELECT l.path FROM latest_documents l
		WHERE l.province_code = d.province_code AND l.year = d.year) AS latest
FROM documents d
WHERE d.status = 'ok' AND d.province_code IS NOT NULL AND d.year IS NOT NULL
GROUP BY d.province_code, d.year
HAVING count(*) > 1
ORDER BY d.year, d.province_code;
