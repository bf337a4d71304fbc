-- Budget for digital government per province and year, in đồng: stated total, security share, and the sum of the budget table's rows.
SELECT year, province_code, province_name, budget_total_vnd, budget_security_vnd,
	round(100.0 * budget_security_vnd / budget_total_vnd, 2) AS security_share_pct,
	budget_items_vnd
FROM province_year
WHERE budget_total_vnd IS NOT NULL OR budget_items_vnd IS NOT NULL
ORDER BY year, province_code;
