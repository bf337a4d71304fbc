package store

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// buildExampleFixture is the fixture database plus a corrected
// resubmission of Đắk Lắk 2022 and a file that failed to read.
func buildExampleFixture(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "baocao.db")
	db, err := Open(context.Background(), path, testCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	buildFixture(t, db)
	fixed := loadReport(t, "dak-lak-2022")
	fixed.SHA256 = strings.Repeat("0f", 32)
	fixed.DocDate = "2023-01-10"
	fixed.Metrics[0].Value.Num = 1655
	items := []Item{
		{Info: infoFor(fixed, "reports/dak-lak-2022-bo-sung.pdf"), Report: fixed},
		{Info: DocInfo{Path: "reports/scan.pdf", SHA256: strings.Repeat("5c", 32), Format: "pdf", Size: 48213},
			Err: errors.New("reports/scan.pdf: no text layer: needs OCR")},
	}
	if err := db.SaveBatch(context.Background(), items); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// normCSV parses CSV and writes numbers in one form (45.0 and 45 alike).
func normCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%v in\n%s", err, data)
	}
	for _, rec := range recs {
		for i, c := range rec {
			if f, err := strconv.ParseFloat(c, 64); err == nil {
				rec[i] = strconv.FormatFloat(f, 'f', -1, 64)
			}
		}
	}
	return recs
}

func TestExamples(t *testing.T) {
	ctx := context.Background()
	path := buildExampleFixture(t)
	db, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cli, cliErr := exec.LookPath("sqlite3")
	ex := Examples()
	if len(ex) < 6 {
		t.Fatalf("%d examples, want at least 6", len(ex))
	}
	for _, e := range ex {
		t.Run(e.Name, func(t *testing.T) {
			if e.Comment == "" || !strings.HasPrefix(e.SQL, "-- ") {
				t.Errorf("example lacks a leading -- comment")
			}
			wantData, err := os.ReadFile(filepath.Join("..", "testdata", "store", "examples", e.Name+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			want := normCSV(t, wantData)
			if len(want) < 2 {
				t.Errorf("expected rows of %s are empty: the fixture does not exercise it", e.Name)
			}
			r, err := db.Query(ctx, e.SQL)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			if got := normCSV(t, buf.Bytes()); !equalRecords(got, want) {
				t.Errorf("Query:\n%q\nwant:\n%q", got, want)
			}
			if cliErr != nil {
				t.Skipf("sqlite3 CLI not found (%v): the examples are not checked against it", cliErr)
			}
			cmd := exec.Command(cli, "-readonly", "-csv", "-header", path)
			cmd.Stdin = strings.NewReader(e.SQL)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("sqlite3: %v\n%s", err, out)
			}
			if got := normCSV(t, out); !equalRecords(got, want) {
				t.Errorf("sqlite3 CLI:\n%q\nwant:\n%q", got, want)
			}
		})
	}
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}
