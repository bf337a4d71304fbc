-- Reports whose numbers do not add up: error flags per report, with the checks that failed.
SELECT document, province_code, province_name, year, count(*) AS errors,
	group_concat(check_id || ' (' || metric || ')', '; ') AS checks
FROM (SELECT * FROM report_flags WHERE severity = 'error' ORDER BY flag_id)
GROUP BY document_id
ORDER BY errors DESC, document;
