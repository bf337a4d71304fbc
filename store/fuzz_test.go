package store

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baocao/baocao/rules/report"
)

// FuzzQuery runs arbitrary SQL on a read-only fixture database: Query
// must not panic, error positions must lie in the statement, and nothing
// may change.
func FuzzQuery(f *testing.F) {
	for _, e := range Examples() {
		f.Add(e.SQL)
	}
	for _, s := range []string{
		"DELETE FROM metrics", "PRAGMA query_only = 0", "SELECT 1; DROP TABLE metrics",
		"SELECT * FROM FROM metrics", "SELECT \"near\" FROM", "ATTACH ':memory:' AS m",
	} {
		f.Add(s)
	}
	path := fixtureFile(f)
	db, err := OpenReadOnly(context.Background(), path)
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	want := count(f, db, "SELECT (SELECT count(*) FROM documents) * 1000000 + (SELECT count(*) FROM metrics) * 100 + (SELECT count(*) FROM sqlite_master)")
	f.Fuzz(func(t *testing.T, q string) {
		_, err := db.Query(ctx, q)
		var se *SQLError
		if errors.As(err, &se) {
			if se.Offset > len(q) || (se.Offset >= 0 && (se.Line < 1 || se.Column < 1)) {
				t.Fatalf("bad position %d (%d:%d) in %q", se.Offset, se.Line, se.Column, q)
			}
			_ = se.Error()
		}
		if got := count(t, db, "SELECT (SELECT count(*) FROM documents) * 1000000 + (SELECT count(*) FROM metrics) * 100 + (SELECT count(*) FROM sqlite_master)"); got != want {
			t.Fatalf("%q changed the database", q)
		}
	})
}

// FuzzSaveReport saves arbitrary reports: Save must succeed or fail
// cleanly, store every figure, and a second Save must change nothing.
//
// The seeds are the fixture reports cut to two figures, one flag with one
// evidence and one budget item (a few hundred bytes each): the fuzzer
// minimises every new input, and with whole reports of several kilobytes
// it spends its time there.
func FuzzSaveReport(f *testing.F) {
	for _, name := range fixtureNames {
		r := loadReport(f, name)
		r.Metrics = r.Metrics[:min(2, len(r.Metrics))]
		r.BudgetItems = r.BudgetItems[:min(1, len(r.BudgetItems))]
		r.Flags = r.Flags[:min(1, len(r.Flags))]
		for i := range r.Flags {
			r.Flags[i].Evidence = r.Flags[i].Evidence[:min(1, len(r.Flags[i].Evidence))]
		}
		r.Warnings = nil
		b, err := json.Marshal(r)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), testCatalog(f))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	f.Fuzz(func(t *testing.T, data []byte) {
		var r report.Report
		if json.Unmarshal(data, &r) != nil {
			return
		}
		ctx := context.Background()
		if r.SHA256 == "" {
			r.SHA256 = "empty"
		}
		path := "fuzz/" + strings.ToValidUTF8(r.File, "?")
		if !utf8.ValidString(r.SHA256) {
			r.SHA256 = strings.ToValidUTF8(r.SHA256, "?")
		}
		info := DocInfo{Path: path, SHA256: r.SHA256, Size: int64(len(data)), ModTime: mtime0}
		_, existed, err := db.BySHA(r.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		id, _, err := db.Save(ctx, info, &r)
		if err != nil {
			t.Fatalf("Save: %v", err)
		}
		// A content saved before keeps its first figures.
		n := count(t, db, "SELECT count(*) FROM metrics WHERE document_id = ?", id)
		if !existed && n != int64(len(r.Metrics)) {
			t.Fatalf("stored %d figures of %d", n, len(r.Metrics))
		}
		before := count(t, db, "SELECT count(*) FROM metrics")
		id2, _, err := db.Save(ctx, info, &r)
		if err != nil || id2 != id {
			t.Fatalf("second Save = %d, %v; want %d", id2, err, id)
		}
		if after := count(t, db, "SELECT count(*) FROM metrics"); after != before {
			t.Fatalf("second Save changed metrics: %d → %d", before, after)
		}
		if _, err := db.Query(ctx, "SELECT * FROM province_year"); err != nil {
			t.Fatalf("province_year: %v", err)
		}
	})
}
