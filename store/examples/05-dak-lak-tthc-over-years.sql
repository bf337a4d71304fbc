-- Administrative procedures offered (tthc.total) in Đắk Lắk (code 66) over the years, from the latest report of each year.
SELECT year, value AS tthc_total, qualifier, document, page, line
FROM latest_metric_values
WHERE province_code = '66' AND metric = 'tthc.total'
ORDER BY year;
