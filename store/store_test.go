package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/rules/report"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixtureNames are the hand-made reports of testdata/store/reports.
var fixtureNames = []string{"kon-tum-2021", "dak-lak-2021", "dak-lak-2022", "kon-tum-2022", "quang-ngai-2022"}

func loadReport(t testing.TB, name string) *report.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "store", "reports", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var r report.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &r
}

var mtime0 = time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)

func infoFor(r *report.Report, path string) DocInfo {
	return DocInfo{Path: path, SHA256: r.SHA256, Format: r.Format, Size: int64(1000 + len(r.Metrics)), ModTime: mtime0}
}

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "baocao.db")
	db, err := Open(context.Background(), path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// buildFixture saves every fixture report at reports/NAME.ext.
func buildFixture(t testing.TB, db *DB) {
	t.Helper()
	var items []Item
	for _, n := range fixtureNames {
		r := loadReport(t, n)
		items = append(items, Item{Info: infoFor(r, "reports/"+r.File), Report: r})
	}
	if err := db.SaveBatch(context.Background(), items); err != nil {
		t.Fatal(err)
	}
}

// dump returns the rows of the document tables as text, with types.
func dump(t testing.TB, db *DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"documents", "document_paths", "metrics", "budget_items", "flags", "flag_evidence"} {
		r, err := db.Query(context.Background(), "SELECT * FROM "+table+" ORDER BY 1")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s %v\n", table, r.Columns)
		for _, row := range r.Rows {
			for _, v := range row {
				fmt.Fprintf(&b, "%T:%s|", v, formatValue(v))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func count(t testing.TB, db *DB, query string, args ...any) int64 {
	t.Helper()
	r, err := db.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	n, ok := r.Rows[0][0].(int64)
	if !ok {
		t.Fatalf("%s: got %T %v", query, r.Rows[0][0], r.Rows[0][0])
	}
	return n
}

func TestSaveIdempotent(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	run, err := db.BeginRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, db)
	if err := db.EndRun(ctx, run, RunCounts{Seen: 5, Saved: 5}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, db)
	db.Close()

	// A second run in a new process: reopen, then save the same files
	// through Save, SaveBatch and AddPath.
	db, err = Open(ctx, path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err = db.BeginRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range fixtureNames {
		r := loadReport(t, n)
		info := infoFor(r, "reports/"+r.File)
		id, ok, err := db.Unchanged(info.Path, info.Size, info.ModTime)
		if err != nil || !ok || id == 0 {
			t.Errorf("Unchanged(%s) = %d, %v, %v; want a document", info.Path, id, ok, err)
		}
		id2, replaced, err := db.Save(ctx, info, r)
		if err != nil || replaced || id2 != id {
			t.Errorf("Save(%s) again = %d, %v, %v; want %d, false, nil", n, id2, replaced, err, id)
		}
		if err := db.AddPath(ctx, id, info.Path, info.Size, info.ModTime); err != nil {
			t.Error(err)
		}
	}
	if err := db.EndRun(ctx, run, RunCounts{Seen: 5, Skipped: 5}); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("tables changed by a second ingest:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if n := count(t, db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"); n != 2 {
		t.Errorf("runs = %d, want 2", n)
	}
	if n := count(t, db, "SELECT count(*) FROM documents"); n != int64(len(fixtureNames)) {
		t.Errorf("documents = %d, want %d", n, len(fixtureNames))
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM schema_migrations"); n != int64(len(ms)) {
		t.Errorf("schema_migrations = %d, want %d (each migration once)", n, len(ms))
	}
}

func TestValueTypes(t *testing.T) {
	db, _ := openTemp(t)
	buildFixture(t, db)
	r, err := db.Query(context.Background(), `SELECT metric, typeof(value) FROM metrics
		WHERE metric IN ('tthc.total', 'soc.status', 'soc.ncsc_connected', 'dvc.level4_rate') GROUP BY metric, typeof(value) ORDER BY metric`)
	if err != nil {
		t.Fatal(err)
	}
	want := "dvc.level4_rate:real soc.ncsc_connected:integer soc.status:text tthc.total:real"
	var got []string
	for _, row := range r.Rows {
		got = append(got, fmt.Sprintf("%v:%v", row[0], row[1]))
	}
	if g := strings.Join(got, " "); g != want {
		t.Errorf("value types = %s, want %s", g, want)
	}
}

func TestReplaceAtSamePath(t *testing.T) {
	ctx := context.Background()
	a := loadReport(t, "dak-lak-2021")
	b := loadReport(t, "dak-lak-2022")
	tests := []struct {
		name      string
		alsoAt    string // a second path of the old content
		wantOldID bool   // the old document survives
	}{
		{"only path", "", false},
		{"old content elsewhere too", "copy/old.pdf", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTemp(t)
			oldID, _, err := db.Save(ctx, infoFor(a, "r.pdf"), a)
			if err != nil {
				t.Fatal(err)
			}
			if tt.alsoAt != "" {
				if err := db.AddPath(ctx, oldID, tt.alsoAt, 1, mtime0); err != nil {
					t.Fatal(err)
				}
			}
			info := infoFor(b, "r.pdf")
			info.ModTime = mtime0.Add(time.Hour)
			if _, ok, _ := db.Unchanged("r.pdf", info.Size, info.ModTime); ok {
				t.Error("Unchanged for a new mtime")
			}
			newID, replaced, err := db.Save(ctx, info, b)
			if err != nil {
				t.Fatal(err)
			}
			if !replaced || newID == oldID {
				t.Errorf("Save = %d, %v; want a new document replacing %d", newID, replaced, oldID)
			}
			if got := count(t, db, "SELECT count(*) FROM documents WHERE id = ?", oldID); (got == 1) != tt.wantOldID {
				t.Errorf("old document rows = %d, want survive=%v", got, tt.wantOldID)
			}
			wantMetrics := int64(len(b.Metrics))
			if tt.wantOldID {
				wantMetrics += int64(len(a.Metrics))
			}
			if got := count(t, db, "SELECT count(*) FROM metrics"); got != wantMetrics {
				t.Errorf("metrics = %d, want %d", got, wantMetrics)
			}
			if !tt.wantOldID {
				for _, table := range []string{"budget_items", "flags", "flag_evidence"} {
					q := "SELECT count(*) FROM " + table
					if table == "flag_evidence" {
						q += " WHERE flag_id NOT IN (SELECT id FROM flags)"
					} else {
						q += fmt.Sprintf(" WHERE document_id = %d", oldID)
					}
					if n := count(t, db, q); n != 0 {
						t.Errorf("%s: %d rows of the replaced document left", table, n)
					}
				}
			}
			if got := count(t, db, "SELECT document_id FROM document_paths WHERE path = 'r.pdf'"); got != newID {
				t.Errorf("path points to %d, want %d", got, newID)
			}
		})
	}
}

func TestDuplicateContent(t *testing.T) {
	ctx := context.Background()
	r := loadReport(t, "kon-tum-2021")
	for _, viaAddPath := range []bool{false, true} {
		t.Run(fmt.Sprintf("AddPath=%v", viaAddPath), func(t *testing.T) {
			db, _ := openTemp(t)
			id, _, err := db.Save(ctx, infoFor(r, "a/kon-tum.docx"), r)
			if err != nil {
				t.Fatal(err)
			}
			if viaAddPath {
				got, ok, err := db.BySHA(r.SHA256)
				if err != nil || !ok || got != id {
					t.Fatalf("BySHA = %d, %v, %v; want %d", got, ok, err, id)
				}
				err = db.SaveBatch(ctx, []Item{{Info: DocInfo{Path: "b/copy.docx", SHA256: r.SHA256, Size: 5, ModTime: mtime0}}})
				if err != nil {
					t.Fatal(err)
				}
			} else {
				id2, replaced, err := db.Save(ctx, infoFor(r, "b/copy.docx"), r)
				if err != nil || replaced || id2 != id {
					t.Fatalf("Save duplicate = %d, %v, %v; want %d", id2, replaced, err, id)
				}
			}
			if n := count(t, db, "SELECT count(*) FROM documents"); n != 1 {
				t.Errorf("documents = %d, want 1", n)
			}
			res, err := db.Query(ctx, "SELECT path FROM document_paths WHERE document_id = ? ORDER BY path", id)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(res.Rows); got != "[[a/kon-tum.docx] [b/copy.docx]]" {
				t.Errorf("paths = %s", got)
			}
			if n := count(t, db, "SELECT count(*) FROM metric_values"); n != int64(len(r.Metrics)) {
				t.Errorf("metric_values = %d, want %d (figures counted once)", n, len(r.Metrics))
			}
		})
	}
}

func TestResubmission(t *testing.T) {
	ctx := context.Background()
	// A report with another issue date is another report: the later
	// one is the latest. Without dates the two files are copies of one
	// report (their figures agree): the older file stays, whatever the
	// order they are stored in, unless the newer declares itself a
	// correction; and they disagree on a figure.
	tests := []struct {
		name               string
		oldDate, newDate   string
		correction         bool
		wantLatestTTHC     float64
		saveCorrectedFirst bool
		wantDisagree       int64
	}{
		{"later doc_date wins", "2021-12-15", "2022-01-20", false, 1610, false, 0},
		{"later doc_date wins saved first", "2021-12-15", "2022-01-20", false, 1610, true, 0},
		{"no dates: copies, the older stays", "", "", false, 1600, false, 1},
		{"no dates: copies, the older stays saved second", "", "", false, 1600, true, 1},
		{"no dates: a declared correction wins", "", "", true, 1610, false, 1},
		{"no dates: a declared correction wins saved first", "", "", true, 1610, true, 1},
		{"one date: copies, the older stays", "2021-12-15", "", false, 1600, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, _ := openTemp(t)
			orig := loadReport(t, "dak-lak-2021")
			orig.DocDate = tt.oldDate
			fixed := loadReport(t, "dak-lak-2021")
			fixed.SHA256 = strings.Repeat("ab", 32)
			fixed.DocDate = tt.newDate
			fixed.Correction = tt.correction
			fixed.Metrics[0].Value = report.Num(1610)
			saves := []Item{{Info: infoFor(orig, "dak-lak-2021.pdf"), Report: orig}, {Info: infoFor(fixed, "dak-lak-2021-bo-sung.pdf"), Report: fixed}}
			saves[1].Info.ModTime = mtime0.Add(time.Hour) // the second file is the newer
			if tt.saveCorrectedFirst {
				saves[0], saves[1] = saves[1], saves[0]
			}
			for _, it := range saves {
				if _, _, err := db.Save(ctx, it.Info, it.Report); err != nil {
					t.Fatal(err)
				}
			}
			if n := count(t, db, "SELECT count(*) FROM documents WHERE province_code = '66' AND year = 2021"); n != 2 {
				t.Errorf("documents = %d, want both kept", n)
			}
			for _, q := range []string{
				"SELECT value FROM latest_metric_values WHERE province_code = '66' AND year = 2021 AND metric = 'tthc.total'",
				"SELECT tthc_total FROM province_year WHERE province_code = '66' AND year = 2021",
			} {
				r, err := db.Query(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if len(r.Rows) != 1 || r.Rows[0][0] != tt.wantLatestTTHC {
					t.Errorf("%s = %v, want one row %v", q, r.Rows, tt.wantLatestTTHC)
				}
			}
			if n := count(t, db, "SELECT count(*) FROM metric_values WHERE province_code = '66' AND year = 2021 AND metric = 'tthc.total'"); n != 2 {
				t.Errorf("metric_values keeps %d figures, want 2", n)
			}
			if n := count(t, db, "SELECT count(*) FROM flags WHERE check_id = 'copies.disagree' AND metric = 'tthc.total'"); n != tt.wantDisagree {
				t.Errorf("copies.disagree flags = %d, want %d", n, tt.wantDisagree)
			}
		})
	}
}

func TestFailure(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	r := loadReport(t, "quang-ngai-2022")
	info := infoFor(r, "qn.docx")
	if err := db.SaveFailure(ctx, info, errors.New("qn.docx: corrupt file")); err != nil {
		t.Fatal(err)
	}
	res, err := db.Query(ctx, "SELECT d.status, d.error, p.path FROM documents d JOIN document_paths p ON p.document_id = d.id")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(res.Rows); got != "[[failed qn.docx: corrupt file qn.docx]]" {
		t.Errorf("failure rows = %s", got)
	}
	if _, ok, _ := db.Unchanged(info.Path, info.Size, info.ModTime); ok {
		t.Error("a failed file is Unchanged; it must be retried")
	}
	if _, ok, _ := db.BySHA(r.SHA256); ok {
		t.Error("BySHA finds a failed document")
	}
	before := dump(t, db)
	if err := db.SaveFailure(ctx, info, errors.New("qn.docx: corrupt file")); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("same failure twice changed the tables:\n%s\n%s", before, after)
	}
	// Unreadable file: no hash. Twice gives one row.
	for range 2 {
		if err := db.SaveFailure(ctx, DocInfo{Path: "locked.pdf"}, errors.New("locked.pdf: permission denied")); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM documents WHERE status = 'failed'"); n != 2 {
		t.Errorf("failed documents = %d, want 2", n)
	}
	// The retry succeeds: the failure is replaced.
	id, _, err := db.Save(ctx, info, r)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, "SELECT count(*) FROM documents WHERE sha256 = ? AND status = 'ok' AND id = ?", r.SHA256, id); n != 1 {
		t.Errorf("ok documents after retry = %d, want 1", n)
	}
	if n := count(t, db, "SELECT count(*) FROM documents WHERE status = 'failed'"); n != 1 {
		t.Errorf("failed documents after retry = %d, want 1 (locked.pdf)", n)
	}
	// A failure of content stored fine before changes nothing.
	before = dump(t, db)
	if err := db.SaveFailure(ctx, info, errors.New("timeout")); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, db); after != before {
		t.Errorf("a transient failure of a stored content changed the tables")
	}
}

func TestSaveBatchAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	r := loadReport(t, "kon-tum-2021")
	items := []Item{
		{Info: infoFor(r, "ok.docx"), Report: r},
		{Info: DocInfo{Path: "dup.docx", SHA256: "no-such-content"}}, // fails
	}
	if err := db.SaveBatch(ctx, items); err == nil {
		t.Fatal("SaveBatch with a bad item succeeded")
	}
	if n := count(t, db, "SELECT count(*) FROM documents"); n != 0 {
		t.Errorf("documents = %d after a failed batch, want 0", n)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := db.SaveBatch(cctx, items[:1]); !errors.Is(err, context.Canceled) {
		t.Errorf("SaveBatch with a cancelled context = %v", err)
	}
}

func TestReopenKeepsMigrations(t *testing.T) {
	ctx := context.Background()
	first, path := openTemp(t)
	first.Close()
	db, err := Open(ctx, path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.migrate(ctx)
	if err != nil || n != 0 {
		t.Errorf("migrate on a current database applied %d, %v", n, err)
	}
	if got := count(t, db, "SELECT count(*) FROM metric_catalog"); got != int64(len(testCatalog(t))) {
		t.Errorf("metric_catalog = %d, want %d", got, len(testCatalog(t)))
	}
	for _, q := range []struct {
		sql  string
		want int64
	}{
		{"SELECT count(*) FROM provinces WHERE era = '63'", 63},
		{"SELECT count(*) FROM provinces WHERE era = '34'", 34},
		{"SELECT count(*) FROM province_merger_2025", 63},
		{"SELECT count(*) FROM province_merger_2025 WHERE new_code NOT IN (SELECT code FROM provinces WHERE era = '34')", 0},
		{"SELECT count(*) FROM pragma_foreign_keys WHERE foreign_keys = 1", 1},
		{"SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'", 1},
	} {
		if got := count(t, db, q.sql); got != q.want {
			t.Errorf("%s = %d, want %d", q.sql, got, q.want)
		}
	}
}

func TestSchemaDoc(t *testing.T) {
	db, _ := openTemp(t)
	r, err := db.Query(context.Background(), "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string]SchemaEntry{}
	for _, e := range SchemaDoc() {
		doc[e.Name] = e
		if e.Comment == "" || strings.Contains(e.Comment, "\n") || strings.HasPrefix(e.Comment, e.Name) {
			t.Errorf("%s: comment %q is not one line about it", e.Name, e.Comment)
		}
	}
	var names []string
	for _, row := range r.Rows {
		name, kind := row[0].(string), row[1].(string)
		names = append(names, name)
		if e, ok := doc[name]; !ok || e.Kind != kind {
			t.Errorf("SchemaDoc lacks %s %s (got %+v)", kind, name, e)
		}
	}
	if len(names) != len(doc) {
		t.Errorf("SchemaDoc has %d entries, database %d: %v", len(doc), len(names), names)
	}
	for _, v := range []string{"metric_values", "latest_metric_values", "province_year", "report_flags", "latest_documents", "unit2025_year"} {
		if doc[v].Kind != "view" {
			t.Errorf("view %s missing", v)
		}
	}
}

func TestUnit2025(t *testing.T) {
	db, _ := openTemp(t)
	buildFixture(t, db)
	r, err := db.Query(context.Background(), `SELECT unit_code, unit_name, year, covers, all_covers, reports,
		tthc_total, dvc_level4, dvc_level4_rate, records_total, records_online, records_online_rate, records_on_time_rate
		FROM unit2025_year ORDER BY year, unit_code`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"51|Quảng Ngãi|2021|Kon Tum (62)|Quảng Ngãi (51), Kon Tum (62)|1|1700|425|25|200000|20000|10|",
		"66|Đắk Lắk|2021|Đắk Lắk (66)|Phú Yên (54), Đắk Lắk (66)|1|1600|720|45|750000|150000|20|",
		// Kon Tum 2022 lacks records.online: no recomputed online rate.
		"51|Quảng Ngãi|2022|Quảng Ngãi (51), Kon Tum (62)|Quảng Ngãi (51), Kon Tum (62)|2|3650|1200|32.88|510000|60000||",
		"66|Đắk Lắk|2022|Đắk Lắk (66)|Phú Yên (54), Đắk Lắk (66)|1|1650|800|48.48|800000|240000|30|",
	}
	var got []string
	for _, row := range r.Rows {
		var cells []string
		for _, v := range row {
			cells = append(cells, formatValue(v))
		}
		got = append(got, strings.Join(cells, "|"))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("unit2025_year:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// rowsText writes the rows of a result, one per line, their cells
// formatted with formatValue and joined by sep.
func rowsText(r *Result, sep string) string {
	var b strings.Builder
	for _, row := range r.Rows {
		var cells []string
		for _, v := range row {
			cells = append(cells, formatValue(v))
		}
		b.WriteString(strings.Join(cells, sep) + "\n")
	}
	return b.String()
}

func TestProvinceYear(t *testing.T) {
	db, _ := openTemp(t)
	buildFixture(t, db)
	r, err := db.Query(context.Background(), `SELECT province_code, year, tthc_total, dvc_level4_rate, soc_status, soc_ncsc_connected,
		budget_total_vnd, budget_items_vnd, flag_errors, flag_warnings, document FROM province_year ORDER BY year, province_code`)
	if err != nil {
		t.Fatal(err)
	}
	want := "62 2021 1700 25 pilot 1 30000000000  0 0 reports/kon-tum-2021.docx\n" +
		"66 2021 1600 45 operational 1 12000000000 12000000000 1 0 reports/dak-lak-2021.pdf\n" +
		"51 2022 1900 36.84 none  20000000000  0 0 reports/quang-ngai-2022.docx\n" +
		"62 2022 1750 28.57 in_progress    0 0 reports/kon-tum-2022.txt\n" +
		"66 2022 1650 48.48 operational    0 1 reports/dak-lak-2022.pdf\n"
	if got := rowsText(r, " "); got != want {
		t.Errorf("province_year:\n%s\nwant:\n%s", got, want)
	}
}

// TestPositions checks that a figure's box and table cell, and a flag
// evidence's box, are stored, and that unknown positions are NULL.
func TestPositions(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	rep := loadReport(t, "dak-lak-2021")
	if len(rep.Metrics) < 2 || len(rep.Flags) == 0 || len(rep.Flags[0].Evidence) == 0 {
		t.Fatal("fixture dak-lak-2021 needs two metrics and a flag with evidence")
	}
	for i := range rep.Metrics {
		rep.Metrics[i].Box, rep.Metrics[i].Table, rep.Metrics[i].Row, rep.Metrics[i].Col = nil, 0, 0, 0
	}
	rep.Metrics[0].Box = &extract.Box{X: 72.5, Y: 100.25, W: 30, H: 11}
	rep.Metrics[0].Table, rep.Metrics[0].Row, rep.Metrics[0].Col = 2, 3, 4
	rep.Flags[0].Evidence[0].Box = &extract.Box{X: 10, Y: 20, W: 5, H: 6}
	if _, _, err := db.Save(ctx, infoFor(rep, "/r/dak-lak.pdf"), rep); err != nil {
		t.Fatal(err)
	}
	r, err := db.Query(ctx, `SELECT metric, box_x, box_y, box_w, box_h, cell_table, cell_row, cell_col FROM metrics
		WHERE metric IN (?, ?) ORDER BY metric = ? DESC`, rep.Metrics[0].Metric, rep.Metrics[1].Metric, rep.Metrics[0].Metric)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 2 {
		t.Fatalf("got %d rows, want 2", len(r.Rows))
	}
	if got, want := fmt.Sprint(r.Rows[0][1:]), "[72.5 100.25 30 11 2 3 4]"; got != want {
		t.Errorf("figure with a box: %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(r.Rows[1][1:]), "[<nil> <nil> <nil> <nil> <nil> <nil> <nil>]"; got != want {
		t.Errorf("figure without a box: %s, want %s", got, want)
	}
	if n := count(t, db, "SELECT count(*) FROM flag_evidence WHERE box_x = 10 AND box_y = 20 AND box_w = 5 AND box_h = 6"); n != 1 {
		t.Errorf("flag evidence with a box: %d rows, want 1", n)
	}
}

// TestPeriods checks that a report's period and the map and source of
// its province are stored, that the province table takes the full-year
// report of a province and year and never a quarter's or a half-year's
// (even a later one), and that report_periods lists every report with
// its period and whether the province table uses it.
func TestPeriods(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	year := loadReport(t, "dak-lak-2021")
	year.DocDate = "2021-12-15"
	year.Period = &report.Period{Kind: "year", Start: "2021-01-01", End: "2021-12-31", Text: "năm 2021"}
	year.Province.Era, year.Province.Source = "63", "text"
	// A quarter's report issued later: it must not replace the year's.
	quarter := loadReport(t, "dak-lak-2021")
	quarter.SHA256 = strings.Repeat("cd", 32)
	quarter.DocDate = "2022-01-10"
	quarter.Period = &report.Period{Kind: "quarter", Start: "2021-10-01", End: "2021-12-31", Text: "quý IV/2021"}
	quarter.Province.Era, quarter.Province.Source = "63", "path"
	quarter.Metrics[0].Value = report.Num(99)
	// A half-year's report alone in its year: no province-table row.
	half := loadReport(t, "kon-tum-2022")
	half.Period = &report.Period{Kind: "half", Start: "2022-01-01", End: "2022-06-30", Text: "6 tháng đầu năm 2022"}
	// A report without a period (stored before periods were read):
	// a full-year report.
	old := loadReport(t, "kon-tum-2021")
	for _, it := range []*report.Report{year, quarter, half, old} {
		if _, _, err := db.Save(ctx, infoFor(it, "reports/"+it.SHA256[:8]+"-"+it.File), it); err != nil {
			t.Fatal(err)
		}
	}
	r, err := db.Query(ctx, `SELECT province_code, year, period_kind, coalesce(period_start, ''), coalesce(period_end, ''), coalesce(period_text, ''),
		coalesce(province_era, ''), coalesce(province_source, ''), full_year, in_province_table
		FROM report_periods ORDER BY year, province_code, period_kind`)
	if err != nil {
		t.Fatal(err)
	}
	want := "62|2021|year||||||1|1\n" +
		"66|2021|quarter|2021-10-01|2021-12-31|quý IV/2021|63|path|0|0\n" +
		"66|2021|year|2021-01-01|2021-12-31|năm 2021|63|text|1|1\n" +
		"62|2022|half|2022-01-01|2022-06-30|6 tháng đầu năm 2022|||0|0\n"
	if got := rowsText(r, "|"); got != want {
		t.Errorf("report_periods:\n%s\nwant:\n%s", got, want)
	}
	for q, want := range map[string]int64{
		"SELECT count(*) FROM province_year WHERE province_code = '66' AND year = 2021 AND tthc_total = 1600": 1,
		"SELECT count(*) FROM province_year WHERE tthc_total = 99":                                            0,
		"SELECT count(*) FROM province_year WHERE year = 2022":                                                0,
		"SELECT count(*) FROM latest_metric_values WHERE value = 99":                                          0,
		"SELECT count(*) FROM metric_values WHERE value = 99":                                                 1,
		"SELECT count(*) FROM unit2025_year WHERE year = 2022":                                                0,
	} {
		if n := count(t, db, q); n != want {
			t.Errorf("%s = %d, want %d", q, n, want)
		}
	}
}

// TestOneWriter checks that a second writer is refused while the first
// has the database open, with a clear message, that
// OpenWait waits for the first to close, and that readers are not
// held.
func TestOneWriter(t *testing.T) {
	ctx := context.Background()
	first, path := openTemp(t)
	_, err := Open(ctx, path, testCatalog(t))
	if !errors.Is(err, ErrLocked) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Fatalf("second Open: %v, want ErrLocked naming the database", err)
	}
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("reader while a writer is open: %v", err)
	}
	ro.Close()
	var told error
	time.AfterFunc(300*time.Millisecond, func() { first.Close() })
	second, err := OpenWait(ctx, path, testCatalog(t), func(err error) { told = err })
	if err != nil {
		t.Fatalf("OpenWait: %v", err)
	}
	second.Close()
	if !errors.Is(told, ErrLocked) {
		t.Errorf("OpenWait told %v, want ErrLocked", told)
	}
	third, _ := Open(ctx, path, testCatalog(t))
	defer third.Close()
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	if _, err := OpenWait(cctx, path, testCatalog(t), nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("OpenWait with a deadline: %v", err)
	}
}
