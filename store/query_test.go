package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

func TestSQLErrorPosition(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	tests := []struct {
		sql          string
		line, column int    // 0: position unknown
		msg          string // part of the message
	}{
		{"SELEC * FROM metrics", 1, 1, `near "SELEC"`},
		{"SELECT *\nFROM metrics\nWHERE metric = = 'x'", 3, 16, `near "="`},
		{"SELECT *\n  FROM metric_values WHERE tỉnh = 'Kon Tum' ORDER", 2, 50, "incomplete input"},
		{"SELECT * FROM no_such_table", 0, 0, "no such table: no_such_table"},
		{"SELECT nope FROM metrics", 0, 0, "no such column: nope"},
		{"SELECT 'Đắk Lắk' AS tên, * FROM FROM metrics", 1, 33, `near "FROM"`},
	}
	for _, tt := range tests {
		_, err := db.Query(ctx, tt.sql)
		var se *SQLError
		if !errors.As(err, &se) {
			t.Errorf("Query(%q) = %v, want an *SQLError", tt.sql, err)
			continue
		}
		if se.Line != tt.line || se.Column != tt.column {
			t.Errorf("Query(%q): position %d:%d, want %d:%d", tt.sql, se.Line, se.Column, tt.line, tt.column)
		}
		msg := se.Error()
		if !strings.Contains(msg, tt.msg) {
			t.Errorf("Query(%q): message %q lacks %q", tt.sql, msg, tt.msg)
		}
		if tt.line > 0 {
			// The caret sits under the reported column.
			lines := strings.Split(msg, "\n")
			src := []rune(strings.Split(tt.sql, "\n")[tt.line-1])
			want := "  " + strings.Repeat(" ", runewidth.StringWidth(string(src[:tt.column-1]))) + "^"
			if got := lines[len(lines)-1]; got != want {
				t.Errorf("Query(%q): caret line %q, want %q", tt.sql, got, want)
			}
		}
	}
}

func TestFindToken(t *testing.T) {
	tests := []struct {
		s, tok string
		want   int
	}{
		{"SELECT x FROM FROM t", "FROM", 9},
		{"SELECT fromage FROM t", "FROM", 15},
		{"a = = b", "=", 2},
		{"x", "", -1},
		{"abc", "zz", -1},
	}
	for _, tt := range tests {
		if got := findToken(tt.s, tt.tok); got != tt.want {
			t.Errorf("findToken(%q, %q) = %d, want %d", tt.s, tt.tok, got, tt.want)
		}
	}
}

func TestWriters(t *testing.T) {
	r := &Result{
		Columns: []string{"province_name", "year", "value", "note"},
		Rows: [][]any{
			{"Đắk Lắk", int64(2021), 46.14, nil},
			{"Kon Tum", int64(2021), float64(1774), "tỷ lệ \"đạt\", trên"},
			{"Bà Rịa - Vũng Tàu", int64(2022), 1.5e10, "x"},
		},
	}
	var tb bytes.Buffer
	if err := WriteTable(&tb, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(tb.String(), "\n"), "\n")
	if len(lines) != 6 || lines[5] != "(3 rows)" {
		t.Fatalf("table:\n%s", tb.String())
	}
	// at returns the display column where sub starts (or, with end, ends)
	// in line.
	at := func(line, sub string, end bool) int {
		i := strings.Index(line, sub)
		if i < 0 {
			t.Fatalf("%q not in %q", sub, line)
		}
		if end {
			i += len(sub)
		}
		return runewidth.StringWidth(line[:i])
	}
	if a, b, c := at(lines[2], "2021", false), at(lines[3], "2021", false), at(lines[4], "2022", false); a != b || b != c {
		t.Errorf("year column starts at %d, %d, %d:\n%s", a, b, c, tb.String())
	}
	// Numbers are right-aligned and written the Vietnamese way; years
	// are not grouped.
	if a, b, c := at(lines[2], "46,14", true), at(lines[3], "1.774", true), at(lines[4], "15.000.000.000", true); a != b || b != c {
		t.Errorf("value column ends at %d, %d, %d:\n%s", a, b, c, tb.String())
	}
	if a, b := at(lines[0], "note", false), at(lines[4], "x", false); a != b {
		t.Errorf("note column starts at %d and %d:\n%s", a, b, tb.String())
	}
	if !strings.Contains(lines[4], "15.000.000.000") {
		t.Errorf("floats must not use exponents: %q", lines[4])
	}

	var cb bytes.Buffer
	if err := WriteCSV(&cb, r); err != nil {
		t.Fatal(err)
	}
	wantCSV := "province_name,year,value,note\nĐắk Lắk,2021,46.14,\nKon Tum,2021,1774,\"tỷ lệ \"\"đạt\"\", trên\"\nBà Rịa - Vũng Tàu,2022,15000000000,x\n"
	if cb.String() != wantCSV {
		t.Errorf("CSV:\n%s\nwant:\n%s", cb.String(), wantCSV)
	}

	var jb bytes.Buffer
	if err := WriteJSON(&jb, r); err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal(jb.Bytes(), &objs); err != nil {
		t.Fatalf("JSON: %v\n%s", err, jb.String())
	}
	if len(objs) != 3 || objs[0]["value"] != 46.14 || objs[0]["note"] != nil || objs[2]["year"] != float64(2022) || objs[1]["province_name"] != "Kon Tum" {
		t.Errorf("JSON = %v", objs)
	}
	jb.Reset()
	if err := WriteJSON(&jb, &Result{Columns: []string{"a"}}); err != nil || strings.TrimSpace(jb.String()) != "[]" {
		t.Errorf("empty JSON = %q, %v", jb.String(), err)
	}
}

// TestTableStreams writes more rows than the sample: rows after it are
// written as they come, with the widths of the sample, and the count is
// right.
func TestTableStreams(t *testing.T) {
	var b bytes.Buffer
	tw := NewTableWriter(&b, []string{"year", "n"})
	for i := range tableSample + 50 {
		if err := tw.Write([]any{int64(2021), int64(i * 1000)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != tableSample+50+3 || lines[len(lines)-1] != fmt.Sprintf("(%d rows)", tableSample+50) {
		t.Fatalf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	if !strings.Contains(lines[2+tableSample+49], "249.000") || !strings.HasPrefix(lines[3], "2021 ") {
		t.Errorf("rows: %q %q", lines[3], lines[2+tableSample+49])
	}
}

// BenchmarkTable formats 8,000 rows of a province table as a table and
// as CSV.
func BenchmarkTable(b *testing.B) {
	r := &Result{Columns: []string{"province_code", "province_name", "year", "metric", "value", "text"}}
	for i := range 8000 {
		r.Rows = append(r.Rows, []any{"66", "Đắk Lắk", int64(2021), "tthc.total", float64(i) * 1.5,
			"Tổng số thủ tục hành chính của tỉnh là 1.543 TTHC, trong đó cấp tỉnh 1.249."})
	}
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			if err := WriteTable(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			if err := WriteCSV(io.Discard, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestDisplayWidth checks the fast path against go-runewidth.
func TestDisplayWidth(t *testing.T) {
	for _, s := range []string{"", "abc", "Đắk Lắk", "Thừa Thiên Huế", "1.543", "tỷ lệ ⏎ đạt", "中文", "e\u0301", "“a” …", "\t"} {
		if got, want := displayWidth(s), runewidth.StringWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
