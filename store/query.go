package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

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
// database fails.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*Result, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, d.sqlError(ctx, query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		rows.Close() // frees the connection sqlError may need
		return nil, d.sqlError(ctx, query, err)
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

// WriteTable writes r as a table aligned for a terminal: columns padded
// to their display width (go-runewidth, so Vietnamese NFC text aligns),
// numbers right-aligned, a rule under the header, and a row count.
func WriteTable(w io.Writer, r *Result) error {
	widths := make([]int, len(r.Columns))
	numeric := make([]bool, len(r.Columns))
	for i, c := range r.Columns {
		widths[i] = runewidth.StringWidth(c)
		numeric[i] = true
	}
	cells := make([][]string, len(r.Rows))
	for j, row := range r.Rows {
		cells[j] = make([]string, len(row))
		for i, v := range row {
			s := strings.NewReplacer("\n", "⏎", "\t", " ", "\r", "").Replace(formatValue(v))
			cells[j][i] = s
			if i < len(widths) {
				widths[i] = max(widths[i], runewidth.StringWidth(s))
				switch v.(type) {
				case int64, float64, nil:
				default:
					numeric[i] = false
				}
			}
		}
	}
	var b strings.Builder
	line := func(vals []string, head bool) {
		for i, s := range vals {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", max(0, widths[i]-runewidth.StringWidth(s)))
			switch {
			case numeric[i] && !head:
				b.WriteString(pad + s)
			case i == len(vals)-1:
				b.WriteString(s)
			default:
				b.WriteString(s + pad)
			}
		}
		b.WriteByte('\n')
	}
	line(r.Columns, true)
	rule := make([]string, len(r.Columns))
	for i := range rule {
		rule[i] = strings.Repeat("-", widths[i])
	}
	line(rule, true)
	for _, row := range cells {
		line(row, false)
	}
	if len(r.Rows) == 1 {
		b.WriteString("(1 row)\n")
	} else {
		fmt.Fprintf(&b, "(%d rows)\n", len(r.Rows))
	}
	_, err := io.WriteString(w, b.String())
	return err
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
