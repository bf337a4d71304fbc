-- Provinces whose security operations centre (SOC) is not reported as operational, per year (latest report).
SELECT year, province_code, province_name,
	coalesce(soc_status, '(not stated)') AS soc_status,
	CASE soc_ncsc_connected WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS ncsc_connected
FROM province_year
WHERE soc_status IS NOT 'operational'
ORDER BY year, province_code;
