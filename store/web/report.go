package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// figure is a figure (or a flag's piece of evidence) with its document.
type figure struct {
	row
	Href string
}

// flagView is a flag with its evidence.
type flagView struct {
	row
	Evidence []figure
}

// copyDoc is another report that may be a copy of this one.
type copyDoc struct {
	ID                    int64
	Path, Format, DocDate string
	Figures               int64
	Latest                bool
}

// reportData is the report page.
type reportData struct {
	Doc      row
	Warnings []string
	OCRPages []int
	Paths    []row
	Figures  []figure
	Flags    []flagView
	Budget   []row
	Copies   []copyDoc
	Latest   int64
}

// document returns a document by id, or a 404 error.
func (s *Server) document(ctx context.Context, id int64) (row, error) {
	rs, err := s.query(ctx, `SELECT d.*, EXISTS (SELECT 1 FROM originals o WHERE o.sha256 = d.sha256) AS has_original
FROM documents d WHERE d.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, notFound("Không có báo cáo số %d trong cơ sở dữ liệu.", id)
	}
	return rs[0], nil
}

// report serves the page of one report.
func (s *Server) report(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	ctx := r.Context()
	doc, err := s.document(ctx, id)
	if err != nil {
		return err
	}
	rd := &reportData{Doc: doc}
	_ = json.Unmarshal([]byte(doc.Str("warnings")), &rd.Warnings)
	_ = json.Unmarshal([]byte(doc.Str("ocr_pages")), &rd.OCRPages)
	if rd.Paths, err = s.query(ctx, `SELECT path, size FROM document_paths WHERE document_id = ? ORDER BY path`, id); err != nil {
		return err
	}
	figs, err := s.query(ctx, `SELECT `+figureCols+` `+figureFrom+` WHERE m.document_id = ? ORDER BY c.rowid, m.id`, id)
	if err != nil {
		return err
	}
	for _, f := range figs {
		rd.Figures = append(rd.Figures, figure{row: f, Href: fmt.Sprintf("/figure/%d", f.Int("id"))})
	}
	if rd.Flags, err = s.flagViews(ctx, `WHERE g.document_id = ?`, []any{id}, 0, 0); err != nil {
		return err
	}
	if rd.Budget, err = s.query(ctx, `SELECT no, name, owner, amount_vnd, source, status, page, line FROM budget_items WHERE document_id = ? ORDER BY id`, id); err != nil {
		return err
	}
	if rd.Copies, rd.Latest, err = s.copiesOf(ctx, doc); err != nil {
		return err
	}
	title := fmt.Sprintf("Báo cáo %s", doc.Str("path"))
	if doc.Str("province_name") != "" {
		title = fmt.Sprintf("Báo cáo %s %s", doc.Str("province_name"), doc.Str("year"))
	}
	return s.render(w, "report", title, "home", rd)
}

// copiesOf returns the other reports that may be copies of doc (the
// other reports of its province and year, whose figures the province
// table does not use unless one is the latest), and the id of the report
// the latest views use for that province and year.
//
// This is the hook for the model of reports and their copies (issue 15):
// when documents are grouped into reports with a chosen copy, this is
// the one place to read the group and the copy chosen from.
func (s *Server) copiesOf(ctx context.Context, doc row) ([]copyDoc, int64, error) {
	if doc.Str("province_code") == "" || doc.Str("year") == "" {
		return nil, 0, nil
	}
	rs, err := s.query(ctx, `SELECT d.id, d.path, d.format, d.doc_date,
	(SELECT count(*) FROM metrics m WHERE m.document_id = d.id) AS figures,
	EXISTS (SELECT 1 FROM latest_documents l WHERE l.document_id = d.id) AS latest
FROM documents d
WHERE d.status = 'ok' AND d.province_code = ? AND d.year = ?
ORDER BY d.doc_date IS NULL, d.doc_date DESC, d.ingested_at DESC, d.id DESC`, doc.Str("province_code"), doc.Int("year"))
	if err != nil {
		return nil, 0, err
	}
	var out []copyDoc
	var latest int64
	for _, r := range rs {
		if r.Int("latest") != 0 {
			latest = r.Int("id")
		}
		if r.Int("id") == doc.Int("id") {
			continue
		}
		out = append(out, copyDoc{ID: r.Int("id"), Path: r.Str("path"), Format: r.Str("format"), DocDate: r.Str("doc_date"),
			Figures: r.Int("figures"), Latest: r.Int("latest") != 0})
	}
	return out, latest, nil
}

// flagCols are the columns of a flag read by flagViews.
const flagCols = `g.id, g.document_id, g."check", g.check_id, g.severity, g.metric, g.stated, g.computed, g.message,
	coalesce(c.label_vi, g.metric) AS label, coalesce(c.unit, '') AS cunit,
	d.path, d.format, d.province_code, d.province_name, d.year`

// flagViews returns the flags selected by where (on flags g joined to
// documents d), with their evidence, limit of them from offset (limit 0
// is all).
func (s *Server) flagViews(ctx context.Context, where string, args []any, limit, offset int) ([]flagView, error) {
	q := `SELECT ` + flagCols + ` FROM flags g JOIN documents d ON d.id = g.document_id
LEFT JOIN metric_catalog c ON c.code = g.metric ` + where + `
ORDER BY CASE g.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, d.year DESC, d.province_name, g.id`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
	}
	fs, err := s.query(ctx, q, args...)
	if err != nil || len(fs) == 0 {
		return nil, err
	}
	ids := make([]any, len(fs))
	byID := map[int64]int{}
	out := make([]flagView, len(fs))
	for i, f := range fs {
		ids[i] = f.Int("id")
		byID[f.Int("id")] = i
		out[i] = flagView{row: f}
	}
	ev, err := s.query(ctx, `SELECT e.id, e.flag_id, e.metric, e.value, e.text, e.page, e.line,
	coalesce(c.label_vi, e.metric) AS label, coalesce(c.unit, '') AS cunit
FROM flag_evidence e LEFT JOIN metric_catalog c ON c.code = e.metric
WHERE e.flag_id IN (`+placeholders(len(ids))+`) ORDER BY e.id`, ids...)
	if err != nil {
		return nil, err
	}
	for _, e := range ev {
		i := byID[e.Int("flag_id")]
		e["format"] = out[i].Str("format")
		out[i].Evidence = append(out[i].Evidence, figure{row: e, Href: fmt.Sprintf("/evidence/%d", e.Int("id"))})
	}
	return out, nil
}
