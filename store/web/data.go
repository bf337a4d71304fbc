package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/baocao/baocao/store"
)

// row is one row of a result by column name.
type row map[string]any

// Str returns a column as a string ("" for NULL).
func (r row) Str(c string) string {
	switch v := r[c].(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(r[c])
}

// Int returns a column as an integer (0 for NULL).
func (r row) Int(c string) int64 {
	switch v := r[c].(type) {
	case int64:
		return v
	case float64:
		return int64(v)
	}
	return 0
}

// Float returns a numeric column and whether it is a number.
func (r row) Float(c string) (float64, bool) { return store.Number(r[c]) }

// rowsOf returns the rows of a result by column name.
func rowsOf(res *store.Result) []row {
	out := make([]row, len(res.Rows))
	for i, vals := range res.Rows {
		r := make(row, len(vals))
		for j, c := range res.Columns {
			r[c] = vals[j]
		}
		out[i] = r
	}
	return out
}

// query runs a query and returns its rows by column name.
func (s *Server) query(ctx context.Context, q string, args ...any) ([]row, error) {
	res, err := s.db.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rowsOf(res), nil
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// figureCols are the columns of a figure read by figureQuery: the
// metric row, its catalog label and unit, and its document.
const figureCols = `m.id, m.document_id, m.metric, m.value, m.unit, m.qualifier, m.text, m.page, m.line, m.rule, m.source, m.confidence,
	m.box_x, m.box_y, m.box_w, m.box_h, m.cell_table, m.cell_row, m.cell_col,
	coalesce(c.label_vi, m.metric) AS label, coalesce(c.unit, m.unit) AS cunit,
	d.format, d.path, d.sha256, d.pages, d.province_code, d.province_name, d.year`

// figureFrom joins a figure to its label and document.
const figureFrom = `FROM metrics m
	JOIN documents d ON d.id = m.document_id
	LEFT JOIN metric_catalog c ON c.code = m.metric`

// years returns the years that have reports, latest first.
func (s *Server) years(ctx context.Context) ([]int64, error) {
	rs, err := s.query(ctx, `SELECT DISTINCT year FROM documents WHERE status = 'ok' AND year IS NOT NULL ORDER BY year DESC`)
	if err != nil {
		return nil, err
	}
	ys := make([]int64, len(rs))
	for i, r := range rs {
		ys[i] = r.Int("year")
	}
	return ys, nil
}

// province is a province or unit of 2025 that has reports.
type province struct {
	Code, Name string
}

// provinces returns the provinces that have reports, by name.
func (s *Server) provinces(ctx context.Context) ([]province, error) {
	rs, err := s.query(ctx, `SELECT DISTINCT province_code AS code, province_name AS name FROM documents
WHERE status = 'ok' AND province_code IS NOT NULL ORDER BY province_name, province_code`)
	if err != nil {
		return nil, err
	}
	var ps []province
	seen := map[string]bool{}
	for _, r := range rs {
		if c := r.Str("code"); !seen[c] {
			seen[c] = true
			ps = append(ps, province{Code: c, Name: r.Str("name")})
		}
	}
	// By name as Vietnamese readers sort: Đắk Lắk among the D's.
	slices.SortStableFunc(ps, func(a, b province) int { return cmp.Compare(fold(a.Name), fold(b.Name)) })
	return ps, nil
}

// cellMark says what a cell's figure is: its metric row (for the link
// to its evidence), and whether it comes from OCR, is approximate, or is
// involved in a flag.
type cellMark struct {
	ID        int64
	Qualifier string
	OCR       bool
	Flagged   bool
}

// marks returns the marks of the figures province_year shows (the
// first figure of each metric) for the given documents, by document and
// metric.
func (s *Server) marks(ctx context.Context, docs []int64) (map[int64]map[string]cellMark, error) {
	out := map[int64]map[string]cellMark{}
	if len(docs) == 0 {
		return out, nil
	}
	args := make([]any, len(docs))
	for i, d := range docs {
		args[i] = d
	}
	in := placeholders(len(docs))
	rs, err := s.query(ctx, `SELECT m.document_id, m.metric, m.id, m.qualifier, m.source,
	EXISTS (SELECT 1 FROM flags g WHERE g.document_id = m.document_id AND g.metric = m.metric)
	OR EXISTS (SELECT 1 FROM flags g JOIN flag_evidence e ON e.flag_id = g.id
		WHERE g.document_id = m.document_id AND e.metric = m.metric) AS flagged
FROM metrics m
WHERE m.id IN (SELECT min(id) FROM metrics WHERE document_id IN (`+in+`) GROUP BY document_id, metric)`, args...)
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		d := r.Int("document_id")
		if out[d] == nil {
			out[d] = map[string]cellMark{}
		}
		out[d][r.Str("metric")] = cellMark{ID: r.Int("id"), Qualifier: r.Str("qualifier"), OCR: r.Str("source") == "ocr", Flagged: r.Int("flagged") != 0}
	}
	return out, nil
}

// merger returns the unit of 2025 of each of the 63 provinces.
func (s *Server) merger(ctx context.Context) (map[string]string, error) {
	rs, err := s.query(ctx, `SELECT old_code, new_code FROM province_merger_2025`)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, r := range rs {
		m[r.Str("old_code")] = r.Str("new_code")
	}
	return m, nil
}

// Val returns a column's value.
func (r row) Val(c string) any { return r[c] }
