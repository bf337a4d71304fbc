package store

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/baocao/baocao/rules/report"
)

// The views province_year and unit2025_year have a column per key figure
// of the metric catalog, and unit2025_year recomputes rates from summed
// parts. They are derived from the catalog the caller of Open passes in
// (report.Metric.Key orders the columns, report.Metric.Rate gives a rate's
// parts), not written in a migration: a read-write Open creates them, and
// recreates them when the catalog changes their definition. Read-only
// opens never change them.

// derivedViews lists the views derived from the catalog, in the order they
// are created, with the comment SchemaDoc reports.
var derivedViews = []SchemaEntry{
	{Name: "province_year", Kind: "view", Comment: "one row per province and year (latest full-year report) with a column per key metric (the first figure of each metric in the report), the sum of budget items and the counts of error and warning flags."},
	{Name: "unit2025_year", Kind: "view", Comment: "one row per unit of 2025 (34 provinces) and year: counts and money summed over the old provinces it covers (latest full-year reports), rates recomputed from summed parts where every covering report has both parts, other rates NULL."},
}

// metricColumn returns the name of a metric's column in the views
// province_year and unit2025_year: its code with "_" for "."
// (edoc.signed_rate → edoc_signed_rate).
func metricColumn(code string) string { return strings.ReplaceAll(code, ".", "_") }

// codeRe matches the metric codes that can name a column.
var codeRe = regexp.MustCompile(`^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$`)

// keyMetrics returns the key figures of a catalog in column order.
func keyMetrics(cat []report.Metric) ([]report.Metric, error) {
	var keys []report.Metric
	seen := map[string]string{}
	for _, m := range cat {
		if m.Key <= 0 {
			continue
		}
		if !codeRe.MatchString(m.Code) {
			return nil, fmt.Errorf("metric code %q cannot name a column", m.Code)
		}
		col := metricColumn(m.Code)
		if other, dup := seen[col]; dup {
			return nil, fmt.Errorf("metrics %s and %s would share the column %s", other, m.Code, col)
		}
		seen[col] = m.Code
		keys = append(keys, m)
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].Key < keys[j].Key })
	return keys, nil
}

// provinceYearSQL returns the definition of province_year: the latest
// report of each province and year, with the first figure of each key
// metric. Each figure is read by an index lookup (metrics_document), so
// that one year of thousands of reports takes milliseconds.
func provinceYearSQL(keys []report.Metric) string {
	var b strings.Builder
	b.WriteString(`CREATE VIEW province_year AS
SELECT l.province_code, l.province_name, l.year,
`)
	for _, m := range keys {
		fmt.Fprintf(&b, "\t(SELECT m.value FROM metrics m WHERE m.document_id = l.document_id AND m.metric = '%s' ORDER BY m.id LIMIT 1) AS %s,\n",
			m.Code, metricColumn(m.Code))
	}
	b.WriteString(`	(SELECT sum(b.amount_vnd) FROM budget_items b
		WHERE b.document_id = l.document_id) AS budget_items_vnd,
	(SELECT count(*) FROM flags g
		WHERE g.document_id = l.document_id AND g.severity = 'error') AS flag_errors,
	(SELECT count(*) FROM flags g
		WHERE g.document_id = l.document_id AND g.severity = 'warning') AS flag_warnings,
	l.doc_date, l.document_id, l.path AS document
FROM latest_documents l`)
	return b.String()
}

// unit2025SQL returns the definition of unit2025_year: province_year
// grouped by the unit of 2025 each province became part of. Counts and
// money are summed; a rate whose parts are key figures is recomputed from
// their sums where every covering report gives them all, other rates are
// NULL; statuses and booleans are left out.
func unit2025SQL(keys []report.Metric) string {
	isKey := map[string]bool{}
	for _, m := range keys {
		isKey[m.Code] = true
	}
	var b strings.Builder
	b.WriteString(`CREATE VIEW unit2025_year AS
WITH py AS (
	SELECT p.*, g.new_code AS unit_code
	FROM province_year p
	JOIN province_merger_2025 g ON g.old_code = p.province_code
)
SELECT py.unit_code, u.name AS unit_name, py.year,
	(SELECT group_concat(x, ', ') FROM (
		SELECT o.name || ' (' || o.code || ')' AS x
		FROM latest_documents p2
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
`)
	for _, m := range keys {
		col := metricColumn(m.Code)
		switch m.Unit {
		case "count", "vnd":
			fmt.Fprintf(&b, "\tsum(py.%s) AS %s,\n", col, col)
		case "percent":
			if expr, ok := rateSQL(m.Rate, isKey); ok {
				fmt.Fprintf(&b, "\t%s AS %s,\n", expr, col)
			} else {
				fmt.Fprintf(&b, "\tNULL AS %s,\n", col)
			}
		}
	}
	b.WriteString(`	sum(py.budget_items_vnd) AS budget_items_vnd
FROM py
LEFT JOIN provinces u ON u.era = '34' AND u.code = py.unit_code
GROUP BY py.unit_code, py.year`)
	return b.String()
}

// rateSQL returns the expression that recomputes a rate from the sums of
// its parts, or false when a part is not a column of province_year.
func rateSQL(r *report.Rate, isKey map[string]bool) (string, bool) {
	if r == nil || len(r.Num) == 0 || !isKey[r.Den] {
		return "", false
	}
	den := "py." + metricColumn(r.Den)
	var conds, sums []string
	for _, n := range r.Num {
		if !isKey[n] {
			return "", false
		}
		c := "py." + metricColumn(n)
		conds = append(conds, "count(*) = count("+c+")")
		sums = append(sums, "sum("+c+")")
	}
	num := sums[0]
	if len(sums) > 1 {
		num = "(" + strings.Join(sums, " + ") + ")"
	}
	return fmt.Sprintf("CASE WHEN %s AND count(*) = count(%s) AND sum(%s) > 0\n\t\tTHEN round(100.0 * %s / sum(%s), 2) END",
		strings.Join(conds, " AND "), den, den, num, den), true
}

// catalogViews returns the definitions of the derived views for a
// catalog, in derivedViews order.
func catalogViews(cat []report.Metric) ([]string, error) {
	keys, err := keyMetrics(cat)
	if err != nil {
		return nil, err
	}
	return []string{provinceYearSQL(keys), unit2025SQL(keys)}, nil
}

// ensureViews creates the derived views, or recreates them when their
// stored definition (sqlite_master.sql) is not the one the catalog gives,
// in one transaction.
func (d *DB) ensureViews(ctx context.Context, cat []report.Metric) error {
	defs, err := catalogViews(cat)
	if err != nil {
		return err
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		same := true
		for i, v := range derivedViews {
			var cur sql.NullString
			err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", v.Name).Scan(&cur)
			if err != nil && err != sql.ErrNoRows {
				return err
			}
			if cur.String != defs[i] {
				same = false
			}
		}
		if same {
			return nil
		}
		// unit2025_year reads province_year: drop it first.
		for i := len(derivedViews) - 1; i >= 0; i-- {
			if _, err := tx.ExecContext(ctx, `DROP VIEW IF EXISTS "`+derivedViews[i].Name+`"`); err != nil {
				return err
			}
		}
		for i, v := range derivedViews {
			if _, err := tx.ExecContext(ctx, defs[i]); err != nil {
				return fmt.Errorf("view %s: %w", v.Name, err)
			}
		}
		return nil
	})
}
