package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"path"
	"sort"

	"github.com/baocao/baocao/normalize"
)

// A report and its copies
//
// A report is what a province issued; a document is one file of it, a
// copy. When a document is saved, assignReport puts it in the report of
// an earlier copy, or in a report of its own:
//
//   - only documents of the same province, year and period can be
//     copies (a report stored before periods were read has none);
//   - when both have a document number ("1873/BC-STTTT"), they are
//     copies if and only if the numbers are equal;
//   - else, when both have an issue date, if and only if the dates are
//     equal;
//   - else, if their figures agree: at least minCommon metrics in
//     common, and at least agreeShare of those with equal values.
//
// Then refreshCopies ranks the copies and sets the report's best copy,
// the one the province tables read: the copy pinned with baocao docs, or
// else the first by
//
//  1. having figures (an empty copy is never the best while another has
//     some);
//  2. declaring a correction ("đính chính", "thay thế báo cáo số", …),
//     a later correction before an earlier one;
//  3. being born-digital rather than read by OCR;
//  4. more figures;
//  5. the older file (the earliest modification time of its paths):
//     a new copy that is no better does not replace the one the tables
//     show, and the choice does not depend on the order a batch stores
//     copies in;
//  6. the path, in byte order.
//
// Removed copies (baocao docs --remove) are never the best. Where
// another copy gives a metric a value other than the best copy's, the
// best copy gets a flag copies.disagree with both values and both
// evidences.
const (
	minCommon  = 5
	agreeShare = 0.8
)

// copyDoc is one copy of a report, as grouping and ranking see it.
type copyDoc struct {
	id, report     int64
	path           string
	number, date   string
	period         string // the period's kind and first day; "" for a report stored before periods were read
	mtime          int64  // the earliest modification time of its paths
	ocr            bool
	correction     bool
	removed        bool
	figures        int
	first          map[string]*stored // the first figure of each metric, once loaded (loadFigures)
	metricsInOrder []string
}

// stored is a figure as stored, with its evidence.
type stored struct {
	value      any
	text       string
	page, line sql.NullInt64
	box        [4]sql.NullFloat64
}

// loadCopy reads document id, and counts its figures.
func (s *saver) loadCopy(id int64) (*copyDoc, error) {
	c := &copyDoc{id: id}
	var number, date, ocr, period sql.NullString
	var mtime, report sql.NullInt64
	err := s.tx.QueryRowContext(s.ctx, `SELECT path, doc_number, doc_date, ocr_pages, correction, removed, report_id,
	(SELECT min(mtime) FROM document_paths p WHERE p.document_id = d.id),
	(SELECT count(*) FROM metrics m WHERE m.document_id = d.id),
	period_kind || ' ' || ifnull(period_start, '')
FROM documents d WHERE id = ?`, id).Scan(&c.path, &number, &date, &ocr, &c.correction, &c.removed, &report, &mtime, &c.figures, &period)
	if err != nil {
		return nil, fmt.Errorf("document %d: %w", id, err)
	}
	c.number, c.date, c.ocr, c.mtime, c.report = number.String, date.String, ocr.Valid && ocr.String != "", mtime.Int64, report.Int64
	c.period = period.String
	return c, nil
}

// loadFigures reads the first figure of each metric of copy c, once.
func (s *saver) loadFigures(c *copyDoc) error {
	if c.first != nil {
		return nil
	}
	c.first = map[string]*stored{}
	rows, err := s.tx.QueryContext(s.ctx, `SELECT metric, value, text, page, line, box_x, box_y, box_w, box_h
FROM metrics WHERE document_id = ? ORDER BY id`, c.id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var f stored
		var text sql.NullString
		if err := rows.Scan(&m, &f.value, &text, &f.page, &f.line, &f.box[0], &f.box[1], &f.box[2], &f.box[3]); err != nil {
			return err
		}
		f.text = text.String
		if _, ok := c.first[m]; !ok {
			c.first[m] = &f
			c.metricsInOrder = append(c.metricsInOrder, m)
		}
	}
	return rows.Err()
}

// ids returns the ids a query selects, in its order.
func (s *saver) ids(query string, args ...any) ([]int64, error) {
	rows, err := s.tx.QueryContext(s.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// sameReport reports whether a and b, with their figures loaded, are
// copies of one report (see the rules at the top of this file).
func sameReport(a, b *copyDoc) bool {
	if same, decided := sameIdentity(a, b); decided {
		return same
	}
	return figuresAgree(a, b)
}

// sameIdentity decides whether a and b are copies of one report by their
// periods (two periods are two reports), then by their document numbers
// or issue dates, when they both have one.
func sameIdentity(a, b *copyDoc) (same, decided bool) {
	if a.period != "" && b.period != "" && a.period != b.period {
		return false, true
	}
	if a.number != "" && b.number != "" {
		return a.number == b.number, true
	}
	if a.date != "" && b.date != "" {
		return a.date == b.date, true
	}
	return false, false
}

// figuresAgree reports whether a and b have at least minCommon metrics
// in common, and agreeShare of them with equal values.
func figuresAgree(a, b *copyDoc) bool {
	common, equal := 0, 0
	for m, fa := range a.first {
		if fb, ok := b.first[m]; ok {
			common++
			if sameValue(fa.value, fb.value) {
				equal++
			}
		}
	}
	return common >= minCommon && float64(equal) >= agreeShare*float64(common)
}

// sameValue compares two stored values: numbers within a part in a
// billion, anything else exactly.
func sameValue(a, b any) bool {
	fa, aNum := number(a)
	fb, bNum := number(b)
	if aNum && bNum {
		return fa == fb || math.Abs(fa-fb) <= 1e-9*math.Max(math.Abs(fa), math.Abs(fb))
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// number returns a stored value as a number, if it is one.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	}
	return 0, false
}

// better reports whether copy a ranks before copy b (see the top of
// this file).
func better(a, b *copyDoc) bool {
	if (a.figures > 0) != (b.figures > 0) {
		return a.figures > 0
	}
	if a.correction != b.correction {
		return a.correction
	}
	if a.correction && a.date != b.date {
		return a.date > b.date
	}
	if a.ocr != b.ocr {
		return !a.ocr
	}
	if a.figures != b.figures {
		return a.figures > b.figures
	}
	if a.mtime != b.mtime {
		return a.mtime < b.mtime
	}
	if a.path != b.path {
		return a.path < b.path
	}
	return a.id < b.id
}

// assignReport puts document id, just saved, in the report of an
// earlier copy or in a new report, and refreshes that report.
func (s *saver) assignReport(id int64) error {
	var prov sql.NullString
	var year sql.NullInt64
	if err := s.tx.QueryRowContext(s.ctx, "SELECT province_code, year FROM documents WHERE id = ?", id).Scan(&prov, &year); err != nil {
		return err
	}
	var report int64
	if prov.Valid && year.Valid {
		me, err := s.loadCopy(id)
		if err != nil {
			return err
		}
		cands, err := s.ids(`SELECT id FROM documents
WHERE province_code = ? AND year = ? AND status = 'ok' AND id <> ? AND report_id IS NOT NULL ORDER BY id`, prov, year, id)
		if err != nil {
			return err
		}
		for _, c := range cands {
			other, err := s.loadCopy(c)
			if err != nil {
				return err
			}
			same, decided := sameIdentity(me, other)
			if !decided {
				// Neither number nor date decides: compare the figures.
				if err := s.loadFigures(me); err != nil {
					return err
				}
				if err := s.loadFigures(other); err != nil {
					return err
				}
				same = figuresAgree(me, other)
			}
			if same {
				report = other.report
				break
			}
		}
	}
	if report == 0 {
		res, err := s.exec("INSERT INTO reports DEFAULT VALUES")
		if err != nil {
			return err
		}
		if report, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	if _, err := s.exec("UPDATE documents SET report_id = ? WHERE id = ?", report, id); err != nil {
		return err
	}
	return s.addCopy(report, id)
}

// addCopy updates report for its new copy id. When the report has a
// best copy that the new one does not beat (or a pinned one), only the
// new copy is compared with it; otherwise the report is ranked again
// (refreshCopies), which reads every copy.
func (s *saver) addCopy(report, id int64) error {
	var bestID, pinned sql.NullInt64
	if err := s.tx.QueryRowContext(s.ctx, "SELECT best_document_id, pinned_document_id FROM reports WHERE id = ?", report).Scan(&bestID, &pinned); err != nil {
		return err
	}
	if !bestID.Valid {
		return s.refreshCopies(report)
	}
	best, err := s.loadCopy(bestID.Int64)
	if err != nil {
		return err
	}
	c, err := s.loadCopy(id)
	if err != nil {
		return err
	}
	if best.removed || !pinned.Valid && better(c, best) {
		return s.refreshCopies(report)
	}
	return s.compareCopy(best, c)
}

// refreshCopies ranks the copies of a report, records its best copy and
// its copies.disagree flags, and deletes the report when no copy is left.
func (s *saver) refreshCopies(report int64) error {
	ids, err := s.ids("SELECT id FROM documents WHERE report_id = ? AND status = 'ok' ORDER BY id", report)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		_, err := s.exec("DELETE FROM reports WHERE id = ?", report)
		return err
	}
	var pinned sql.NullInt64
	if err := s.tx.QueryRowContext(s.ctx, "SELECT pinned_document_id FROM reports WHERE id = ?", report).Scan(&pinned); err != nil {
		return err
	}
	var best *copyDoc
	var copies []*copyDoc
	active := 0
	for _, id := range ids {
		c, err := s.loadCopy(id)
		if err != nil {
			return err
		}
		copies = append(copies, c)
		if c.removed {
			continue
		}
		active++
		if pinned.Valid && pinned.Int64 == id {
			best = c
		}
	}
	if best == nil {
		for _, c := range copies {
			if !c.removed && (best == nil || better(c, best)) {
				best = c
			}
		}
	}
	var bestID any
	if best != nil {
		bestID = best.id
	}
	if _, err := s.exec("UPDATE reports SET best_document_id = ? WHERE id = ?", bestID, report); err != nil {
		return err
	}
	if _, err := s.exec(`DELETE FROM flags WHERE check_id = 'copies.disagree'
AND document_id IN (SELECT id FROM documents WHERE report_id = ?)`, report); err != nil {
		return err
	}
	if best == nil || active < 2 {
		return nil
	}
	for _, c := range copies {
		if c == best || c.removed {
			continue
		}
		if err := s.compareCopy(best, c); err != nil {
			return err
		}
	}
	return nil
}

// compareCopy raises copies.disagree on the best copy for each metric to
// which copy c gives another value.
func (s *saver) compareCopy(best, c *copyDoc) error {
	if err := s.loadFigures(best); err != nil {
		return err
	}
	if err := s.loadFigures(c); err != nil {
		return err
	}
	for _, m := range best.metricsInOrder {
		fo, ok := c.first[m]
		if fb := best.first[m]; ok && !sameValue(fb.value, fo.value) {
			if err := s.disagree(m, best, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// disagree records that copy other gives metric m another value than
// the best copy: a flag on the best copy, with both figures as evidence.
func (s *saver) disagree(m string, best, other *copyDoc) error {
	fb, fo := best.first[m], other.first[m]
	label := m
	var l sql.NullString
	if err := s.tx.QueryRowContext(s.ctx, "SELECT label_vi FROM metric_catalog WHERE code = ?", m).Scan(&l); err == nil && l.String != "" {
		label = l.String + " (" + m + ")"
	} else if !errors.Is(err, sql.ErrNoRows) && err != nil {
		return err
	}
	msg := fmt.Sprintf("%s is %s in %s but %s in %s, another copy of the same report.",
		label, showValue(fb.value), path.Base(best.path), showValue(fo.value), path.Base(other.path))
	stated, _ := numberOrNil(fb.value)
	computed, _ := numberOrNil(fo.value)
	res, err := s.exec(`INSERT INTO flags (document_id, "check", check_id, severity, metric, stated, computed, message)
VALUES (?, 'copies', 'copies.disagree', 'warning', ?, ?, ?, ?)`, best.id, m, stated, computed, msg)
	if err != nil {
		return err
	}
	fid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for _, e := range []struct {
		f   *stored
		doc any
	}{{fb, nil}, {fo, other.id}} {
		v, _ := numberOrNil(e.f.value)
		if _, err := s.exec(`INSERT INTO flag_evidence (flag_id, metric, value, text, page, line, box_x, box_y, box_w, box_h, document_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, fid, m, v, e.f.text, e.f.page, e.f.line,
			e.f.box[0], e.f.box[1], e.f.box[2], e.f.box[3], e.doc); err != nil {
			return err
		}
	}
	return nil
}

// numberOrNil returns a stored value as a number for a REAL column, or
// NULL when it is not one.
func numberOrNil(v any) (any, bool) {
	if f, ok := number(v); ok {
		return f, true
	}
	return nil, false
}

// showValue writes a stored value for a message: numbers the Vietnamese
// way (1.774; 46,14).
func showValue(v any) string {
	if f, ok := number(v); ok {
		return normalize.FormatNumber(f, -1)
	}
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return fmt.Sprint(v)
}

// groupCopies puts every document read without error that is in no
// report yet into one: the documents of a database made before reports
// existed, in the order they were stored.
func (d *DB) groupCopies(ctx context.Context) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		s := saver{ctx: ctx, tx: tx}
		defer s.close()
		ids, err := s.ids("SELECT id FROM documents WHERE status = 'ok' AND report_id IS NULL ORDER BY id")
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.assignReport(id); err != nil {
				return fmt.Errorf("grouping copies: %w", err)
			}
		}
		return nil
	})
}

// Copy is one file of a report, as baocao docs lists it.
type Copy struct {
	DocumentID int64  `json:"document_id"`
	Path       string `json:"path"`
	Format     string `json:"format"`
	DocNumber  string `json:"doc_number,omitempty"`
	DocDate    string `json:"doc_date,omitempty"`
	IngestedAt string `json:"ingested_at"`
	Figures    int    `json:"figures"`
	OCR        bool   `json:"ocr"`
	Correction bool   `json:"correction"`
	// Best is set for the copy the province tables read, Pinned for a
	// copy chosen with PinCopy, Removed for one set aside with
	// RemoveCopy.
	Best    bool `json:"best"`
	Pinned  bool `json:"pinned"`
	Removed bool `json:"removed"`
}

// ReportCopies is one report and its copies, the best first.
type ReportCopies struct {
	ID           int64  `json:"report_id"`
	ProvinceCode string `json:"province_code"`
	ProvinceName string `json:"province_name"`
	Year         int    `json:"year"`
	Copies       []Copy `json:"copies"`
	// Disagreements counts the copies.disagree flags of the report.
	Disagreements int `json:"disagreements"`
}

// Reports lists the reports with their copies, by province and year,
// restricted to a province code and a year when they are not "" and 0.
func (d *DB) Reports(ctx context.Context, province string, year int) ([]ReportCopies, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT c.report_id, ifnull(c.province_code, ''), ifnull(c.province_name, ''), ifnull(c.year, 0),
	c.document_id, c.path, c.format, ifnull(c.doc_number, ''), ifnull(c.doc_date, ''), c.ingested_at, c.figures, c.ocr, c.correction,
	ifnull(c.best, 0), c.pinned, c.removed,
	(SELECT count(*) FROM flags f WHERE f.document_id = c.document_id AND f.check_id = 'copies.disagree')
FROM report_copies c
WHERE (? = '' OR c.province_code = ?) AND (? = 0 OR c.year = ?)
ORDER BY c.province_code IS NULL, c.province_code, c.year, c.report_id`, province, province, year, year)
	if err != nil {
		return nil, fmt.Errorf("%s: reports: %w", d.path, err)
	}
	defer rows.Close()
	var out []ReportCopies
	for rows.Next() {
		var r ReportCopies
		var c Copy
		var disagree int
		if err := rows.Scan(&r.ID, &r.ProvinceCode, &r.ProvinceName, &r.Year, &c.DocumentID, &c.Path, &c.Format, &c.DocNumber, &c.DocDate,
			&c.IngestedAt, &c.Figures, &c.OCR, &c.Correction, &c.Best, &c.Pinned, &c.Removed, &disagree); err != nil {
			return nil, fmt.Errorf("%s: reports: %w", d.path, err)
		}
		if n := len(out); n == 0 || out[n-1].ID != r.ID {
			out = append(out, r)
		}
		last := &out[len(out)-1]
		last.Copies = append(last.Copies, c)
		last.Disagreements += disagree
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reports: %w", d.path, err)
	}
	for i := range out {
		cs := out[i].Copies
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].Best && !cs[b].Best })
	}
	return out, nil
}

// ErrNoCopy is wrapped by the error of PinCopy and RemoveCopy for a
// document that is no copy of a report (unknown, or failed to read).
var ErrNoCopy = errors.New("no such copy of a report")

// PinCopy makes document id the copy its report's figures are taken
// from, whatever the ranking says; pin false undoes it.
func (d *DB) PinCopy(ctx context.Context, id int64, pin bool) error {
	return d.changeCopy(ctx, id, func(s *saver, report int64) error {
		var v any
		if pin {
			v = id
			if _, err := s.exec("UPDATE documents SET removed = 0 WHERE id = ?", id); err != nil {
				return err
			}
		}
		_, err := s.exec("UPDATE reports SET pinned_document_id = ? WHERE id = ?", v, report)
		return err
	})
}

// RemoveCopy sets document id aside: it stays stored (and a rerun of
// ingest skips its file) but is never its report's best copy and its
// figures are not compared; remove false restores it.
func (d *DB) RemoveCopy(ctx context.Context, id int64, remove bool) error {
	return d.changeCopy(ctx, id, func(s *saver, report int64) error {
		if _, err := s.exec("UPDATE documents SET removed = ? WHERE id = ?", remove, id); err != nil {
			return err
		}
		if remove {
			_, err := s.exec("UPDATE reports SET pinned_document_id = NULL WHERE id = ? AND pinned_document_id = ?", report, id)
			return err
		}
		return nil
	})
}

// changeCopy runs change on the report of copy id and refreshes it, in
// one transaction.
func (d *DB) changeCopy(ctx context.Context, id int64, change func(s *saver, report int64) error) error {
	if d.readOnly {
		return fmt.Errorf("%s: %w", d.path, ErrReadOnly)
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		s := saver{ctx: ctx, tx: tx}
		defer s.close()
		var report sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT report_id FROM documents WHERE id = ? AND status = 'ok'", id).Scan(&report)
		if errors.Is(err, sql.ErrNoRows) || err == nil && !report.Valid {
			return fmt.Errorf("document %d: %w", id, ErrNoCopy)
		}
		if err != nil {
			return err
		}
		if err := change(&s, report.Int64); err != nil {
			return err
		}
		return s.refreshCopies(report.Int64)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", d.path, err)
	}
	return nil
}
