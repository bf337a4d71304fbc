-- Totals under the 34 provincial units of 2025: old provinces' figures summed per new unit, rates recomputed from the sums.
SELECT year, unit_code, unit_name, covers, reports, tthc_total, dvc_level4,
	dvc_level4_rate, records_total, records_online, records_online_rate,
	budget_total_vnd
FROM unit2025_year
ORDER BY year, unit_code;
