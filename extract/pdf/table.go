package pdf

import (
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/grid"
)

// tableFrag is the part of a table on one page.
type tableFrag struct {
	page       int
	cols       int
	left, top  float64 // in page space
	rows       []fragRow
	lastOnPage bool
	src        *grid.Table
}

type fragRow struct {
	cells  []fragCell
	header bool
}

type fragCell struct {
	text    string
	span    int
	y       float64 // baseline of the cell's first line
	num     int     // page line number of the first line
	hasLine bool
	box     extract.Box
}

// fragment turns a table package grid found on a page into a fragment;
// src gives the line of each word of the grid page.
func fragment(f frame, t *grid.Table, src []*tline) *tableFrag {
	fr := &tableFrag{page: f.N, cols: t.Cols, left: t.Box.X + f.X0, top: f.Top - t.Box.Y, src: t}
	for _, r := range t.Rows {
		row := fragRow{header: r.Header}
		for _, c := range r.Cells {
			fc := fragCell{text: c.Text, span: c.Span, box: c.Box}
			if len(c.Words) > 0 {
				fc.y, fc.hasLine = src[c.Words[0]].Y, true
			}
			row.cells = append(row.cells, fc)
		}
		fr.rows = append(fr.rows, row)
	}
	return fr
}

// appendFragment appends the rows of fragment f to table t, whose
// 1-based index is idx. For a continuation (cont), a first row equal
// to the table's first row is a repeated header, and a first body row
// whose first cell is empty is the rest of the previous row, broken by
// the page: it is merged into that row.
func appendFragment(t *extract.Table, f *tableFrag, idx int, cont bool) {
	rows := f.rows
	if cont && len(t.Rows) > 0 && len(rows) > 0 && sameTexts(t.Rows[0], rows[0]) {
		t.Rows[0].Header = true
		t.Rows = append(t.Rows, toRow(rows[0], f.page, idx, len(t.Rows)+1))
		t.Rows[len(t.Rows)-1].Header = true
		rows = rows[1:]
	}
	if cont && len(rows) > 0 && len(rows[0].cells) > 0 && rows[0].cells[0].text == "" {
		if last := lastBodyRow(t); last != nil && len(last.Cells) == len(rows[0].cells) {
			for i, c := range rows[0].cells {
				if c.text == "" {
					continue
				}
				lc := &last.Cells[i]
				if lc.Text == "" {
					lc.Text = c.text
					lc.Pos.Page, lc.Pos.Line = f.page, c.num
					lc.Box = c.box
				} else {
					// The box stays the one on the first page.
					lc.Text = joinCell([]string{lc.Text, c.text})
				}
			}
			rows = rows[1:]
		}
	}
	for i, r := range rows {
		row := toRow(r, f.page, idx, len(t.Rows)+1)
		if !cont && i == 0 && r.header {
			row.Header = true
		}
		t.Rows = append(t.Rows, row)
	}
}

// lastBodyRow returns the last row of t that is not a header row.
func lastBodyRow(t *extract.Table) *extract.Row {
	for i := len(t.Rows) - 1; i >= 0; i-- {
		if !t.Rows[i].Header {
			return &t.Rows[i]
		}
	}
	return nil
}

// sameTexts reports whether a table row and a fragment row hold the
// same cell texts.
func sameTexts(a extract.Row, b fragRow) bool {
	if len(a.Cells) != len(b.cells) {
		return false
	}
	for i := range a.Cells {
		if a.Cells[i].Text != b.cells[i].text {
			return false
		}
	}
	return true
}

// toRow converts a fragment row into a table row numbered rowNum.
func toRow(r fragRow, page, idx, rowNum int) extract.Row {
	var row extract.Row
	for i, c := range r.cells {
		cell := extract.Cell{Text: c.text, Pos: extract.Pos{Page: page, Line: c.num, Table: idx, Row: rowNum, Cell: i + 1}, Box: c.box}
		if c.span > 1 {
			cell.Span = c.span
		}
		row.Cells = append(row.Cells, cell)
	}
	return row
}
