package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MergeTables joins the parts of tables that run on across a page
// break, in place: a table block followed, with nothing but page-number
// lines between them (which are dropped), by another table block is one
// table. On the way:
//
//   - a leading row of a later part that repeats the table's header (or
//     its first row) is a repeated header: it is kept, marked Header, and
//     the table's first row is marked Header too; other rows a reader
//     marked Header at the top of a later part are not headers of the
//     table and lose the mark;
//   - a row whose first cell is empty while others are not, and which is
//     no total row ([IsTotalLabel]), continues the body row above
//     it: the row the page break (or a wrapped cell) split. Its cells
//     are joined to those above, a word hyphenated across the break
//     ("COVID-" "19") joined without a space.
//
// Rows keep the positions of their cells; the rows of later parts are
// renumbered to follow the first part's, and later tables' Pos.Table
// counts down the tables merged away. [ReadFormat] calls MergeTables
// on every document; a reader that adds pages later (OCR) calls it
// again.
func MergeTables(d *Document) {
	var out []Block
	removed := 0
	last := -1 // index in out of the table block that may continue
	var pending []Block
	for _, b := range d.Blocks {
		switch {
		case b.Kind == TableKind && b.Table != nil:
			if last >= 0 && len(out[last].Table.Rows) > 0 {
				pending = nil // page-number lines between parts are dropped
				removed++
				appendPart(out[last].Table, b.Table)
				continue
			}
			out = append(out, pending...)
			pending = nil
			if removed > 0 {
				renumber(b.Table, tableIndex(b.Table)-removed)
			}
			out = append(out, b)
			last = len(out) - 1
			joinContinuations(b.Table, 0)
		case last >= 0 && isInterlude(b):
			pending = append(pending, b)
		default:
			out = append(out, pending...)
			pending = nil
			out = append(out, b)
			last = -1
		}
	}
	d.Blocks = append(out, pending...)
}

// tableIndex returns the Pos.Table of t's cells, 0 if none is set.
func tableIndex(t *Table) int {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Pos.Table > 0 {
				return c.Pos.Table
			}
		}
	}
	return 0
}

// renumber sets Pos.Table of every cell of t to idx (when set before).
func renumber(t *Table, idx int) {
	for i := range t.Rows {
		for j := range t.Rows[i].Cells {
			if c := &t.Rows[i].Cells[j]; c.Pos.Table > 0 {
				c.Pos.Table = idx
			}
		}
	}
}

// appendPart appends the rows of part, a later part of table t.
func appendPart(t *Table, part *Table) {
	idx := tableIndex(t)
	header := headerRows(t)
	from := len(t.Rows)
	for i, r := range part.Rows {
		r.Cells = append([]Cell(nil), r.Cells...)
		if i < len(header) && sameRow(r, t.Rows[header[i]]) {
			t.Rows[header[i]].Header = true
			r.Header = true
		} else {
			r.Header = false
			header = nil
		}
		for j := range r.Cells {
			if r.Cells[j].Pos.Table > 0 {
				r.Cells[j].Pos.Table = idx
			}
			if r.Cells[j].Pos.Row > 0 {
				r.Cells[j].Pos.Row = len(t.Rows) + 1
			}
		}
		t.Rows = append(t.Rows, r)
	}
	joinContinuations(t, from)
}

// headerRows returns the indices of t's header: its leading rows marked
// Header, or else its first row.
func headerRows(t *Table) []int {
	var h []int
	for i, r := range t.Rows {
		if !r.Header {
			break
		}
		h = append(h, i)
	}
	if len(h) == 0 && len(t.Rows) > 0 {
		h = []int{0}
	}
	return h
}

// joinContinuations joins each row of t from index from on that
// continues the body row above it (see MergeTables), renumbering the
// rows after it.
func joinContinuations(t *Table, from int) {
	// The first body row of a later part may continue the row the
	// page break split.
	split := -1
	if from > 0 {
		for split = from; split < len(t.Rows) && t.Rows[split].Header; split++ {
		}
	}
	out := t.Rows[:from]
	for i := from; i < len(t.Rows); i++ {
		r := t.Rows[i]
		// The row above is the last body row: a repeated header may
		// stand between. Inside a part, the first row may be an
		// unmarked header; across a break it is the row split.
		prev := len(out) - 1
		for prev >= 0 && out[prev].Header {
			prev--
		}
		if (prev >= 1 || prev == 0 && i == split) && !r.Header && continues(r) {
			joinRow(&out[prev], r)
			continue
		}
		if len(out) != i {
			for j := range r.Cells {
				if r.Cells[j].Pos.Row > 0 {
					r.Cells[j].Pos.Row = len(out) + 1
				}
			}
		}
		out = append(out, r)
	}
	t.Rows = out
}

// continues reports whether r continues the row above it: its first
// cell is empty, another is not, and it is no total row.
func continues(r Row) bool {
	if len(r.Cells) == 0 || strings.TrimSpace(r.Cells[0].Text) != "" {
		return false
	}
	text := false
	for _, c := range r.Cells[1:] {
		t := strings.TrimSpace(c.Text)
		if IsTotalLabel(t) {
			return false
		}
		text = text || t != ""
	}
	return text
}

// joinRow joins the cells of r to those of row, column by column; a
// cell row lacks is appended.
func joinRow(row *Row, r Row) {
	for i, c := range r.Cells {
		if strings.TrimSpace(c.Text) == "" {
			continue
		}
		if i >= len(row.Cells) {
			row.Cells = append(row.Cells, c)
			continue
		}
		pc := &row.Cells[i]
		if strings.TrimSpace(pc.Text) == "" {
			pc.Text, pc.Box = c.Text, c.Box
			pc.Pos.Page, pc.Pos.Line = c.Pos.Page, c.Pos.Line
			continue
		}
		pc.Text = JoinWrapped(pc.Text, c.Text)
		if pc.Pos.Page == c.Pos.Page {
			pc.Box = pc.Box.Union(c.Box)
		}
	}
}

// JoinWrapped joins two pieces of a text wrapped across lines: with a
// space, or with nothing after a hyphen that ends a word ("COVID-" and
// "19" give "COVID-19").
func JoinWrapped(a, b string) string {
	if r, n := utf8.DecodeLastRuneInString(a); r == '-' && n < len(a) {
		if r2, _ := utf8.DecodeLastRuneInString(a[:len(a)-n]); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
			return a + b
		}
	}
	return a + " " + b
}

// sameRow reports whether two rows hold the same texts, ignoring case
// and runs of white space.
func sameRow(a, b Row) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	for i := range a.Cells {
		if !strings.EqualFold(strings.Join(strings.Fields(a.Cells[i].Text), " "), strings.Join(strings.Fields(b.Cells[i].Text), " ")) {
			return false
		}
	}
	return true
}

// isInterlude reports whether b is what may stand between two parts of
// a table broken across pages: blank lines and at most one line of
// digits and dashes (a page number).
func isInterlude(b Block) bool {
	if b.Kind == TableKind {
		return false
	}
	n := 0
	for _, l := range b.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			continue
		}
		if n++; n > 1 {
			return false
		}
		for _, r := range t {
			if !unicode.IsDigit(r) && r != ' ' && r != '-' {
				return false
			}
		}
	}
	return true
}
