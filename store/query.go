package store

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/normalize"
	"github.com/mattn/go-runewidth"
	"github.com/mattn/go-sqlite3"
)

// Result is the outcome of a query: column names and rows of values.
// Values are nil, int64, float64 or string (BLOBs are returned as
// strings).
type Result struct {
	Columns []string
	Rows    [][]any
}

// SQLError is an error SQLite reported for a statement, with the
// position of the error in the statement where it can be found.
type SQLError struct {
	// SQL is the statement.
	SQL string
	// Msg is SQLite's message.
	Msg string
	// Offset is the byte offset of the error in SQL, or -1 if unknown.
	// Line and Column are 1-based (Column counts runes); 0 if unknown.
	Offset       int
	Line, Column int
	// Err is the driver's error.
	Err error
}

// Error returns SQLite's message with the line and column of the error,
// followed by the statement's line and a caret under the error where the
// position is known.
func (e *SQLError) Error() string {
	if e.Offset < 0 {
		return "SQL error: " + e.Msg
	}
	var b strings.Builder
	fmt.Fprintf(&b, "SQL error at line %d, column %d: %s\n", e.Line, e.Column, e.Msg)
	start := strings.LastIndexByte(e.SQL[:e.Offset], '\n') + 1
	end := strings.IndexByte(e.SQL[e.Offset:], '\n')
	if end < 0 {
		end = len(e.SQL)
	} else {
		end += e.Offset
	}
	line := strings.ReplaceAll(e.SQL[start:end], "\t", " ")
	b.WriteString("  " + line + "\n")
	b.WriteString("  " + strings.Repeat(" ", runewidth.StringWidth(strings.ReplaceAll(e.SQL[start:e.Offset], "\t", " "))) + "^")
	return b.String()
}

// Unwrap returns the driver's error.
func (e *SQLError) Unwrap() error { return e.Err }

var nearRE = regexp.MustCompile(`near "((?:[^"]|"")*)"`)

// sqlError wraps a driver error in an SQLError, finding the error's
// position from SQLite's `near "X"`. The go-sqlite3 driver does not
// expose sqlite3_error_offset, so the position is best-effort: the first
// occurrence of X, as a whole token, such that the statement cut just
// after it fails with the same message (SQLite accepted the earlier
// ones); else the first occurrence.
func (d *DB) sqlError(ctx context.Context, query string, err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	e := &SQLError{SQL: query, Msg: err.Error(), Offset: -1, Err: err}
	if m := nearRE.FindStringSubmatch(e.Msg); m != nil {
		tok := strings.ReplaceAll(m[1], `""`, `"`)
		e.Offset = findToken(query, tok)
		for off, tries := e.Offset, 0; off >= 0 && tries < 64; tries++ {
			st, perr := d.db.PrepareContext(ctx, query[:off+len(tok)])
			if perr == nil {
				st.Close()
			} else if perr.Error() == e.Msg {
				e.Offset = off
				break
			}
			next := findToken(query[off+1:], tok)
			if next < 0 {
				break
			}
			off += 1 + next
		}
	} else if strings.Contains(e.Msg, "incomplete input") {
		e.Offset = len(strings.TrimRight(query, " \t\r\n;"))
	}
	if e.Offset >= 0 {
		pre := query[:e.Offset]
		e.Line = strings.Count(pre, "\n") + 1
		e.Column = utf8.RuneCountInString(pre[strings.LastIndexByte(pre, '\n')+1:]) + 1
	}
	return e
}

// findToken returns the offset of the first occurrence of tok in s that
// is not inside a longer identifier, or -1.
func findToken(s, tok string) int {
	if tok == "" {
		return -1
	}
	isWord := func(r rune) bool {
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf
	}
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], tok)
		if i < 0 {
			break
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(tok):])
		first, _ := utf8.DecodeRuneInString(tok)
		last, _ := utf8.DecodeLastRuneInString(tok)
		if (i == 0 || !isWord(before) || !isWord(first)) &&
			(i+len(tok) == len(s) || !isWord(after) || !isWord(last)) {
			return i
		}
		off = i + 1
	}
	return -1
}

// Query runs one SQL statement and returns all its rows. Errors from
// SQLite are *SQLError, with the error's position where it can be found.
// On a DB opened with OpenReadOnly, any statement that would change the
// database fails. The statement runs under d's [Limits]: one that runs
// too long or needs too much memory is stopped with a *LimitError.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*Result, error) {
	lim := d.limits.get()
	res := &Result{Rows: [][]any{}}
	var size int64
	err := d.Each(ctx, query, func(cols []string) error {
		res.Columns = cols
		return nil
	}, func(vals []any) error {
		for _, v := range vals {
			size += valueSize(v)
		}
		if lim.MaxMemory > 0 && size > lim.MaxMemory {
			return &LimitError{Memory: true, Limits: lim, Err: fmt.Errorf("the result is larger than %d bytes", lim.MaxMemory)}
		}
		res.Rows = append(res.Rows, slices.Clone(vals))
		return nil
	}, args...)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// formatValue formats a value for a table or CSV cell: NULL as "",
// floats without exponent or trailing zeros.
func formatValue(v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(t, 10)
	case float64:
		if math.IsInf(t, 0) || math.IsNaN(t) {
			return strconv.FormatFloat(t, 'g', -1, 64)
		}
		return strconv.FormatFloat(t, 'f', -1, 64)
	case string:
		return t
	case []byte:
		return string(t)
	case bool:
		if t {
			return "1"
		}
		return "0"
	default:
		return fmt.Sprint(t)
	}
}

// WriteTable writes r as a table for people: see [TableWriter].
func WriteTable(w io.Writer, r *Result) error {
	t := NewTableWriter(w, r.Columns)
	for _, row := range r.Rows {
		if err := t.Write(row); err != nil {
			return err
		}
	}
	return t.Close()
}

// tableSample is how many rows a TableWriter reads before it fixes the
// column widths and starts writing.
const tableSample = 200

// TableWriter writes rows as a table aligned for a terminal, as they
// come: columns padded to their display width (go-runewidth, so
// Vietnamese NFC text aligns), numbers right-aligned and written the
// Vietnamese way (1.543; 46,14; years, codes, ids, pages and lines are
// not grouped), a rule under the header, and a row count at the end.
// Widths are taken from the first 200 rows; a longer cell further down
// widens its row only. Memory does not grow with the number of rows.
type TableWriter struct {
	w       *bufio.Writer
	cols    []string
	rows    [][]string // the sample, until the widths are fixed
	numeric []bool     // a column whose sample is numbers only
	widths  []int
	n       int
	started bool
	err     error
}

// NewTableWriter returns a TableWriter with the given column names.
func NewTableWriter(w io.Writer, cols []string) *TableWriter {
	t := &TableWriter{w: bufio.NewWriterSize(w, 64<<10), cols: cols,
		numeric: make([]bool, len(cols)), widths: make([]int, len(cols))}
	for i, c := range cols {
		t.widths[i] = displayWidth(c)
		t.numeric[i] = true
	}
	return t
}

// displayWidth is runewidth.StringWidth with a fast path for text made
// of Latin letters, Vietnamese NFC letters included, which are one
// column each: grapheme segmentation is most of the time of a table.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x20 || r >= 0x300 && (r < 0x1E00 || r > 0x1EFF) && r != '⏎' && r != '…' && r != '“' && r != '”' {
			return runewidth.StringWidth(s)
		}
		n++
	}
	return n
}

var cellReplacer = strings.NewReplacer("\n", "⏎", "\t", " ", "\r", "")

// cell formats v for column i.
func (t *TableWriter) cell(i int, v any) string {
	switch x := v.(type) {
	case int64:
		if i < len(t.cols) && !groupColumn(t.cols[i]) {
			return strconv.FormatInt(x, 10)
		}
		return normalize.FormatNumber(float64(x), 0)
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return formatValue(x)
		}
		if i < len(t.cols) && !groupColumn(t.cols[i]) && x == math.Trunc(x) {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return normalize.FormatNumber(x, -1)
	}
	return cellReplacer.Replace(formatValue(v))
}

// groupColumn reports whether the numbers of a column are quantities
// to group by thousands, rather than years, codes, ids or positions.
func groupColumn(col string) bool {
	c := strings.ToLower(col)
	switch c {
	case "year", "id", "rank", "page", "line", "no", "pages", "version", "rowid":
		return false
	}
	for _, suf := range []string{"_id", "_year", "_code", "_page", "_line"} {
		if strings.HasSuffix(c, suf) {
			return false
		}
	}
	return true
}

// Write adds a row.
func (t *TableWriter) Write(row []any) error {
	if t.err != nil {
		return t.err
	}
	t.n++
	cells := make([]string, len(row))
	for i, v := range row {
		cells[i] = t.cell(i, v)
	}
	if !t.started {
		for i, v := range row {
			if i >= len(t.widths) {
				break
			}
			t.widths[i] = max(t.widths[i], displayWidth(cells[i]))
			switch v.(type) {
			case int64, float64, nil:
			default:
				t.numeric[i] = false
			}
		}
		t.rows = append(t.rows, cells)
		if len(t.rows) >= tableSample {
			t.start()
		}
		return t.err
	}
	t.line(cells, false)
	return t.err
}

// start writes the header and the sampled rows.
func (t *TableWriter) start() {
	t.started = true
	t.line(t.cols, true)
	rule := make([]string, len(t.cols))
	for i := range rule {
		rule[i] = strings.Repeat("-", t.widths[i])
	}
	t.line(rule, true)
	for _, r := range t.rows {
		t.line(r, false)
	}
	t.rows = nil
}

// line writes one row of cells.
func (t *TableWriter) line(vals []string, head bool) {
	if t.err != nil {
		return
	}
	b := t.w
	for i, s := range vals {
		if i > 0 {
			b.WriteString("  ")
		}
		wd := 0
		if i < len(t.widths) {
			wd = t.widths[i]
		}
		pad := max(0, wd-displayWidth(s))
		switch {
		case i < len(t.numeric) && t.numeric[i] && !head:
			writeSpaces(b, pad)
			b.WriteString(s)
		case i == len(vals)-1:
			b.WriteString(s)
		default:
			b.WriteString(s)
			writeSpaces(b, pad)
		}
	}
	if err := b.WriteByte('\n'); err != nil {
		t.err = err
	}
}

func writeSpaces(b *bufio.Writer, n int) {
	for ; n > 0; n-- {
		b.WriteByte(' ')
	}
}

// Close writes what is left, the row count, and flushes.
func (t *TableWriter) Close() error {
	if !t.started {
		t.start()
	}
	if t.n == 1 {
		t.w.WriteString("(1 row)\n")
	} else {
		fmt.Fprintf(t.w, "(%d rows)\n", t.n)
	}
	if t.err != nil {
		return t.err
	}
	return t.w.Flush()
}

// WriteCSV writes r as CSV (RFC 4180) with a header row. NULL is an
// empty field. No byte-order mark is written; Export adds one.
func WriteCSV(w io.Writer, r *Result) error {
	return writeCSVLocale(w, r, ',', ".")
}

// WriteJSON writes r as a JSON array of objects, one per row, keyed by
// column name in column order. Numbers are JSON numbers, NULL is null.
func WriteJSON(w io.Writer, r *Result) error {
	var b strings.Builder
	b.WriteString("[")
	for j, row := range r.Rows {
		if j > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, c := range r.Columns {
			if i > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c)
			b.Write(k)
			b.WriteString(": ")
			var v any
			if i < len(row) {
				v = row[i]
			}
			if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
				v = nil // JSON has no infinities
			}
			if f, ok := v.(float64); ok {
				b.WriteString(strconv.FormatFloat(f, 'f', -1, 64))
				continue
			}
			val, err := json.Marshal(v)
			if err != nil {
				return err
			}
			b.Write(val)
		}
		b.WriteString("}")
	}
	if len(r.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}
