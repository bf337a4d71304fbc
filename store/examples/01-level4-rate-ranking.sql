-- Provinces ranked by their stated share of level-4 online public services (DVCTT mức độ 4), per year.
SELECT year,
	rank() OVER (PARTITION BY year ORDER BY dvc_level4_rate DESC) AS rank,
	province_code, province_name, dvc_level4_rate, dvc_level4, tthc_total
FROM province_year
WHERE dvc_level4_rate IS NOT NULL
ORDER BY year, rank, province_code;
