package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/rules/report"
)

// ErrReadOnly is returned by the methods that write when the DB was
// opened with OpenReadOnly.
var ErrReadOnly = errors.New("database opened read-only")

// DocInfo describes the file a report was read from.
type DocInfo struct {
	// Path is the file's path as given to ingest, as the file system
	// gives it: document_paths.path keeps its bytes (skipping unchanged
	// files compares them), documents.path shows it (corpus.Escape).
	Path string
	// SHA256 is the hex SHA-256 of the file's content. It may be empty
	// only for a failure where the file could not be read.
	SHA256 string
	// Format is the detected format ("pdf", "docx", …); empty takes the
	// report's Format.
	Format string
	// Size and ModTime are the file's size and modification time, used
	// by Unchanged to skip files without hashing them.
	Size    int64
	ModTime time.Time
	// DocDate is the date the report was issued (YYYY-MM-DD); empty
	// takes the report's DocDate.
	DocDate string
}

// Item is one file of a SaveBatch. Exactly one of three things is saved:
// a report (Report set), a failure (Err set), or, when both are nil,
// Info.Path as another path of the stored document whose content has
// the SHA-256 Info.SHA256.
type Item struct {
	Info   DocInfo
	Report *report.Report
	Err    error
	// Original, when set with a Report, is the file's bytes, stored
	// once per content in table originals (see DB.Original). Bytes whose
	// SHA-256 is not Info.SHA256 fail the item.
	Original []byte

	// DocID and Replaced are set by SaveBatch when it returns nil: the
	// document's id, and whether an older document at the same path
	// was replaced.
	DocID    int64
	Replaced bool
}

// Unchanged reports whether path was recorded with the same size and
// modification time for a document read without error, so that ingest
// can skip it without hashing. A failed file is never unchanged.
func (d *DB) Unchanged(path string, size int64, mtime time.Time) (docID int64, ok bool, err error) {
	err = d.db.QueryRow(`SELECT p.document_id FROM document_paths p
JOIN documents d ON d.id = p.document_id
WHERE p.path = ? AND p.size = ? AND p.mtime = ? AND d.status = 'ok'`,
		path, size, unixNano(mtime)).Scan(&docID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("%s: %w", d.path, err)
	}
	return docID, true, nil
}

// BySHA returns the document read without error whose content has the
// given hex SHA-256.
func (d *DB) BySHA(sha string) (docID int64, ok bool, err error) {
	err = d.db.QueryRow("SELECT id FROM documents WHERE sha256 = ? AND status = 'ok'", sha).Scan(&docID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("%s: %w", d.path, err)
	}
	return docID, true, nil
}

// AddPath records path (with its size and modification time) as a path
// of document docID, for a file whose content is already stored. A
// document that was at path before and has no other path left is
// deleted.
func (d *DB) AddPath(ctx context.Context, docID int64, path string, size int64, mtime time.Time) error {
	if d.readOnly {
		return fmt.Errorf("%s: %w", d.path, ErrReadOnly)
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		s := saver{ctx: ctx, tx: tx}
		_, err := s.setPath(docID, DocInfo{Path: path, Size: size, ModTime: mtime})
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: add path %s: %w", d.path, path, err)
	}
	return nil
}

// Save stores the report read from a file, with its figures, budget items
// and flags, in one transaction. Saving a content (SHA-256) already
// stored changes nothing but the path's row. A new content at a path
// already recorded replaces the document that was there (replaced is
// true), which is deleted if no other path refers to it.
func (d *DB) Save(ctx context.Context, info DocInfo, rep *report.Report) (docID int64, replaced bool, err error) {
	items := []Item{{Info: info, Report: rep}}
	if err := d.SaveBatch(ctx, items); err != nil {
		return 0, false, err
	}
	return items[0].DocID, items[0].Replaced, nil
}

// SaveFailure records that the file described by info could not be read,
// with the error's text. The file is listed with status 'failed' and is
// read again by the next ingest. A failure for a content already stored
// without error only records the path.
func (d *DB) SaveFailure(ctx context.Context, info DocInfo, failure error) error {
	if failure == nil {
		return fmt.Errorf("%s: SaveFailure of %s with a nil error", d.path, info.Path)
	}
	return d.SaveBatch(ctx, []Item{{Info: info, Err: failure}})
}

// SaveBatch saves several items in one transaction: all of them or, on
// error, none. A process killed during the batch leaves the database as
// it was before it, and the paths of the batch unrecorded.
func (d *DB) SaveBatch(ctx context.Context, items []Item) error {
	if d.readOnly {
		return fmt.Errorf("%s: %w", d.path, ErrReadOnly)
	}
	if len(items) == 0 {
		return nil
	}
	err := d.tx(ctx, func(tx *sql.Tx) error {
		s := saver{ctx: ctx, tx: tx}
		defer s.close()
		for i := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			it := &items[i]
			var err error
			switch {
			case it.Err != nil:
				it.DocID, it.Replaced, err = s.saveFailure(it.Info, it.Err)
			case it.Report != nil:
				it.DocID, it.Replaced, err = s.saveReport(it.Info, it.Report)
				if err == nil && it.Original != nil {
					sha := it.Info.SHA256
					if sha == "" {
						sha = it.Report.SHA256
					}
					err = s.saveOriginal(sha, it.Original)
				}
			default:
				var id int64
				err = tx.QueryRowContext(ctx, "SELECT id FROM documents WHERE sha256 = ?", it.Info.SHA256).Scan(&id)
				if errors.Is(err, sql.ErrNoRows) {
					err = fmt.Errorf("no stored document has SHA-256 %q", it.Info.SHA256)
				}
				if err == nil {
					it.DocID = id
					it.Replaced, err = s.setPath(id, it.Info)
				}
			}
			if err != nil {
				return fmt.Errorf("%s: %w", it.Info.Path, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: save: %w", d.path, err)
	}
	return nil
}

// saver writes documents inside one transaction, with statements
// prepared once per transaction.
type saver struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (s *saver) close() {
	for _, st := range s.stmts {
		st.Close()
	}
}

// exec runs a statement, preparing it on first use.
func (s *saver) exec(query string, args ...any) (sql.Result, error) {
	st, ok := s.stmts[query]
	if !ok {
		var err error
		st, err = s.tx.PrepareContext(s.ctx, query)
		if err != nil {
			return nil, err
		}
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[query] = st
	}
	return st.ExecContext(s.ctx, args...)
}

// docAt returns the document recorded at path, or 0.
func (s *saver) docAt(path string) (int64, error) {
	var id int64
	err := s.tx.QueryRowContext(s.ctx, "SELECT document_id FROM document_paths WHERE path = ?", path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// bySHA returns the id and status of the document with the given
// content, or 0.
func (s *saver) bySHA(sha string) (int64, string, error) {
	if sha == "" {
		return 0, "", nil
	}
	var id int64
	var status string
	err := s.tx.QueryRowContext(s.ctx, "SELECT id, status FROM documents WHERE sha256 = ?", sha).Scan(&id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, status, err
}

// setPath points info.Path at document id, leaving the row as it is when
// nothing changed. It deletes the document that was at the path before if
// no other path refers to it, and reports whether there was one.
func (s *saver) setPath(id int64, info DocInfo) (replaced bool, err error) {
	prev, err := s.docAt(info.Path)
	if err != nil {
		return false, err
	}
	_, err = s.exec(`INSERT INTO document_paths (path, document_id, size, mtime) VALUES (?, ?, ?, ?)
ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, size = excluded.size, mtime = excluded.mtime
WHERE document_id IS NOT excluded.document_id OR size IS NOT excluded.size OR mtime IS NOT excluded.mtime`,
		info.Path, id, info.Size, unixNano(info.ModTime))
	if err != nil {
		return false, err
	}
	if prev == 0 || prev == id {
		return false, nil
	}
	return true, s.deleteIfOrphan(prev)
}

// deleteIfOrphan deletes document id, and its original, when no path
// refers to it, and refreshes the report it was a copy of.
func (s *saver) deleteIfOrphan(id int64) error {
	var report sql.NullInt64
	if err := s.tx.QueryRowContext(s.ctx, "SELECT report_id FROM documents WHERE id = ?", id).Scan(&report); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	_, err := s.exec(`DELETE FROM originals WHERE sha256 = (SELECT sha256 FROM documents WHERE id = ?)
AND NOT EXISTS (SELECT 1 FROM document_paths WHERE document_id = ?)`, id, id)
	if err != nil {
		return err
	}
	res, err := s.exec("DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM document_paths WHERE document_id = ?)", id, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 || !report.Valid {
		return err
	}
	return s.refreshCopies(report.Int64)
}

// saveReport stores a report unless its content is stored already.
func (s *saver) saveReport(info DocInfo, rep *report.Report) (int64, bool, error) {
	if info.SHA256 == "" {
		info.SHA256 = rep.SHA256
	}
	if info.SHA256 == "" {
		return 0, false, errors.New("report without SHA-256")
	}
	id, status, err := s.bySHA(info.SHA256)
	if err != nil {
		return 0, false, err
	}
	if id != 0 && status == "ok" {
		replaced, err := s.setPath(id, info)
		return id, replaced, err
	}
	if id != 0 {
		// The content failed before and reads now: the failure goes.
		if _, err := s.exec("DELETE FROM documents WHERE id = ?", id); err != nil {
			return 0, false, err
		}
	}
	format := info.Format
	if format == "" {
		format = rep.Format
	}
	date := info.DocDate
	if date == "" {
		date = rep.DocDate
	}
	var year any
	if rep.Year != 0 {
		year = rep.Year
	}
	var pages any
	if rep.Pages != 0 {
		pages = rep.Pages
	}
	var period report.Period
	if rep.Period != nil {
		period = *rep.Period
	}
	res, err := s.exec(`INSERT INTO documents (path, sha256, format, size, province_code, province_name, year, doc_date, pages, status, error, ingested_at, warnings, ocr_pages,
	period_kind, period_start, period_end, period_text, province_era, province_source, doc_number, correction)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		corpus.Escape(info.Path), info.SHA256, format, info.Size, nullString(rep.Province.Code), nullString(rep.Province.Name),
		year, nullString(date), pages, now(), jsonList(rep.Warnings), jsonList(rep.OCRPages),
		nullString(period.Kind), nullString(period.Start), nullString(period.End), nullString(period.Text),
		nullString(rep.Province.Era), nullString(rep.Province.Source), nullString(rep.DocNumber), rep.Correction)
	if err != nil {
		return 0, false, err
	}
	id, err = res.LastInsertId()
	if err != nil {
		return 0, false, err
	}
	for _, m := range rep.Metrics {
		bx, by, bw, bh := boxSQL(m.Box)
		if _, err := s.exec(`INSERT INTO metrics (document_id, metric, value, unit, qualifier, text, page, line, rule, source, confidence,
	box_x, box_y, box_w, box_h, cell_table, cell_row, cell_col)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, m.Metric, m.Value.SQL(), m.Unit, m.Qualifier, m.Text, m.Page, m.Line, m.Rule, m.Source, m.Confidence,
			bx, by, bw, bh, nullInt(m.Table), nullInt(m.Row), nullInt(m.Col)); err != nil {
			return 0, false, fmt.Errorf("metric %s: %w", m.Metric, err)
		}
	}
	for _, b := range rep.BudgetItems {
		if _, err := s.exec(`INSERT INTO budget_items (document_id, no, name, owner, amount_vnd, source, status, text, page, line)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, b.No, b.Name, b.Owner, b.AmountVND, b.Source, b.Status, b.Text, b.Page, b.Line); err != nil {
			return 0, false, fmt.Errorf("budget item %d: %w", b.No, err)
		}
	}
	for _, f := range rep.Flags {
		res, err := s.exec(`INSERT INTO flags (document_id, "check", check_id, severity, metric, stated, computed, message)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, f.Check, f.ID, string(f.Severity), f.Metric, f.Stated, f.Computed, f.Message)
		if err != nil {
			return 0, false, fmt.Errorf("flag %s: %w", f.ID, err)
		}
		fid, err := res.LastInsertId()
		if err != nil {
			return 0, false, err
		}
		for _, e := range f.Evidence {
			bx, by, bw, bh := boxSQL(e.Box)
			if _, err := s.exec(`INSERT INTO flag_evidence (flag_id, metric, value, text, page, line, box_x, box_y, box_w, box_h)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				fid, e.Metric, e.Value, e.Text, e.Page, e.Line, bx, by, bw, bh); err != nil {
				return 0, false, fmt.Errorf("flag %s evidence: %w", f.ID, err)
			}
		}
	}
	replaced, err := s.setPath(id, info)
	if err != nil {
		return 0, false, err
	}
	return id, replaced, s.assignReport(id)
}

// saveFailure records a file that could not be read.
func (s *saver) saveFailure(info DocInfo, failure error) (int64, bool, error) {
	msg := corpus.Escape(failure.Error())
	id, _, err := s.bySHA(info.SHA256)
	if err != nil {
		return 0, false, err
	}
	if id == 0 {
		// A failure without a content hash is known by its path.
		prev, err := s.docAt(info.Path)
		if err != nil {
			return 0, false, err
		}
		if prev != 0 && info.SHA256 == "" {
			var status string
			var sha sql.NullString
			if err := s.tx.QueryRowContext(s.ctx, "SELECT status, sha256 FROM documents WHERE id = ?", prev).Scan(&status, &sha); err != nil {
				return 0, false, err
			}
			if status == "failed" && !sha.Valid {
				id = prev
			}
		}
	}
	if id != 0 {
		// The same content (or unreadable path) again: keep the row,
		// updating the error text only if it changed.
		if _, err := s.exec(`UPDATE documents SET error = ? WHERE id = ? AND status = 'failed' AND error IS NOT ?`, msg, id, msg); err != nil {
			return 0, false, err
		}
		replaced, err := s.setPath(id, info)
		return id, replaced, err
	}
	res, err := s.exec(`INSERT INTO documents (path, sha256, format, size, status, error, ingested_at) VALUES (?, ?, ?, ?, 'failed', ?, ?)`,
		corpus.Escape(info.Path), nullString(info.SHA256), info.Format, info.Size, msg, now())
	if err != nil {
		return 0, false, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, err
	}
	replaced, err := s.setPath(id, info)
	return id, replaced, err
}

// RunCounts are the counts of an ingest run.
type RunCounts struct {
	Seen       int // files found
	Saved      int // reports stored
	Skipped    int // files unchanged since the last run
	Duplicates int // files whose content was stored under another path
	Replaced   int // files whose new content replaced the old at their path
	Failed     int // files that could not be read
}

// BeginRun records the start of an ingest run and returns its id.
func (d *DB) BeginRun(ctx context.Context) (int64, error) {
	if d.readOnly {
		return 0, fmt.Errorf("%s: %w", d.path, ErrReadOnly)
	}
	res, err := d.db.ExecContext(ctx, "INSERT INTO runs (started_at) VALUES (?)", now())
	if err != nil {
		return 0, fmt.Errorf("%s: begin run: %w", d.path, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("%s: begin run: %w", d.path, err)
	}
	return id, nil
}

// EndRun records the end of run id and its counts.
func (d *DB) EndRun(ctx context.Context, id int64, c RunCounts) error {
	if d.readOnly {
		return fmt.Errorf("%s: %w", d.path, ErrReadOnly)
	}
	_, err := d.db.ExecContext(ctx, `UPDATE runs SET finished_at = ?, seen = ?, saved = ?, skipped = ?, duplicates = ?, replaced = ?, failed = ? WHERE id = ?`,
		now(), c.Seen, c.Saved, c.Skipped, c.Duplicates, c.Replaced, c.Failed, id)
	if err != nil {
		return fmt.Errorf("%s: end run %d: %w", d.path, id, err)
	}
	return nil
}

// unixNano returns t in Unix nanoseconds, 0 for the zero time.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// jsonList returns a JSON array of a non-empty slice, or NULL.
func jsonList[T any](v []T) any {
	if len(v) == 0 {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return string(b)
}

// boxSQL returns a box's columns, all NULL when the box is unknown.
func boxSQL(b *extract.Box) (x, y, w, h any) {
	if b == nil || b.IsZero() {
		return nil, nil, nil, nil
	}
	return b.X, b.Y, b.W, b.H
}

// nullInt maps 0 to NULL.
func nullInt(i int) any {
	if i == 0 {
		return nil
	}
	return i
}
