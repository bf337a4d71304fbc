package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/store"
)

// samplesDB ingests the bundled sample reports into a new database.
func samplesDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "baocao.db")
	if code, _, errb := baocao(t, "ingest", "--db", db, filepath.Join("..", "..", "testdata", "samples")); code != 0 {
		t.Fatalf("ingest samples: exit %d\n%s", code, errb)
	}
	return db
}

// TestExampleQueries runs every example query of docs/database.md, after
// ingesting the sample reports, through `baocao query` and through the
// stock sqlite3 shell, and checks the rows.
func TestExampleQueries(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "database.md"))
	if err != nil {
		t.Fatal(err)
	}
	db := samplesDB(t)
	sqlite3, lookErr := exec.LookPath("sqlite3")
	// Facts each example must show on the samples (Đắk Lắk 66 and Kon
	// Tum 62, both 2021, Kon Tum merged into Quảng Ngãi 51 in 2025).
	want := map[string][]string{
		"01-level4-rate-ranking":     {"Đắk Lắk", "46.14", "Kon Tum", "43.8"},
		"02-soc-not-operational":     {"Đắk Lắk", "pilot"},
		"03-budget":                  {"Đắk Lắk", "29473482000"},
		"04-reports-with-errors":     {"dak-lak-2021"},
		"05-dak-lak-tthc-over-years": {"2021", "1543"},
		"06-units-2025-totals":       {"Quảng Ngãi", "Kon Tum", "Đắk Lắk"},
	}
	for _, ex := range store.Examples() {
		t.Run(ex.Name, func(t *testing.T) {
			if !bytes.Contains(doc, []byte(strings.TrimSpace(ex.SQL))) {
				t.Errorf("docs/database.md does not show the query verbatim")
			}
			code, out, errb := baocao(t, "query", "--db", db, "--format", "csv", "--", ex.SQL)
			if code != 0 {
				t.Fatalf("baocao query: exit %d: %s", code, errb)
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v\n%s", err, out)
			}
			for _, w := range want[ex.Name] {
				if !strings.Contains(out, w) {
					t.Errorf("baocao query output lacks %q:\n%s", w, out)
				}
			}
			if lookErr != nil {
				t.Skipf("sqlite3 shell not installed (apt-get install sqlite3): %v", lookErr)
			}
			cmd := exec.Command(sqlite3, "-readonly", "-csv", "-header", db)
			cmd.Stdin = strings.NewReader(ex.SQL)
			shell, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("sqlite3: %v\n%s", err, shell)
			}
			srows, err := csv.NewReader(bytes.NewReader(shell)).ReadAll()
			if err != nil {
				t.Fatalf("sqlite3 csv: %v\n%s", err, shell)
			}
			// Both print a header line; sqlite3 prints nothing at all for
			// an empty result.
			if data := func(r [][]string) int { return max(len(r)-1, 0) }; data(srows) != data(rows) {
				t.Errorf("sqlite3 gives %d rows, baocao query %d", data(srows), data(rows))
			}
			for _, w := range want[ex.Name] {
				if !bytes.Contains(shell, []byte(w)) {
					t.Errorf("sqlite3 output lacks %q:\n%s", w, shell)
				}
			}
		})
	}
}

// TestQueryReadOnly proves that `baocao query` cannot change the
// database.
func TestQueryReadOnly(t *testing.T) {
	db := samplesDB(t)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{
		"DELETE FROM metrics",
		"UPDATE documents SET year = 1900",
		"INSERT INTO runs (started_at) VALUES ('x')",
		"DROP VIEW metric_values",
		"CREATE TABLE x (a)",
		"PRAGMA journal_mode = DELETE",
	} {
		if code, _, _ := baocao(t, "query", "--db", db, sql); code == 0 {
			t.Errorf("%s: succeeded on a read-only database", sql)
		}
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("the database file changed")
	}
	// A syntax error says where it is.
	code, _, errb := baocao(t, "query", "--db", db, "SELECT * FORM metrics")
	if code == 0 || !strings.Contains(errb, "syntax error") {
		t.Errorf("syntax error: exit %d, %q", code, errb)
	}
}

// TestExportAndCheck exports the samples as CSV (with a byte-order mark)
// and lists their flags.
func TestExportAndCheck(t *testing.T) {
	db := samplesDB(t)
	code, out, errb := baocao(t, "export", "--db", db, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "\ufeff") {
		t.Fatalf("export csv: exit %d, BOM %v: %s", code, strings.HasPrefix(out, "\ufeff"), errb)
	}
	if _, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll(); err != nil {
		t.Errorf("csv does not parse: %v", err)
	}
	code, out, errb = baocao(t, "export", "--db", db, "--format", "json", "--units", "2025")
	if code != 0 || !strings.Contains(out, "Quảng Ngãi") {
		t.Errorf("export --units 2025: exit %d, no Quảng Ngãi unit: %s%s", code, out, errb)
	}
	xlsx := filepath.Join(t.TempDir(), "x.xlsx")
	if code, _, errb := baocao(t, "export", "--db", db, "--format", "xlsx", "--out", xlsx); code != 0 {
		t.Errorf("export xlsx: exit %d: %s", code, errb)
	}
	code, out, errb = baocao(t, "check", "--db", db, "--severity", "error")
	if code != 0 || !strings.Contains(out, "619.820") || !strings.Contains(out, "dak-lak-2021") {
		t.Errorf("check: exit %d, want the edoc sum error of Đắk Lắk:\n%s%s", code, out, errb)
	}
}

// TestQueryLimits stops an endless recursive CTE at --timeout and a huge
// BLOB at --max-memory, with a clear message and exit status 1.
func TestQueryLimits(t *testing.T) {
	db := samplesDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--timeout", "200ms", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"},
			"time limit of 200ms (--timeout)"},
		{[]string{"--max-memory", "256", "SELECT length(randomblob(900000000))"},
			"memory limit of 256 MiB (--max-memory)"},
	} {
		code, _, errb := baocao(t, append([]string{"query", "--db", db}, tc.args...)...)
		if code != 1 || !strings.Contains(errb, tc.want) {
			t.Errorf("query %v: exit %d, stderr %q; want 1 and %q", tc.args, code, errb, tc.want)
		}
	}
}
