package pdf

import (
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/grid"
)

// tableFrag is the part of a table on one page.
type tableFrag struct {
	page      int
	cols      int
	left, top float64 // in page space
	rows      []fragRow
	src       *grid.Table
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

// toRow converts a fragment row into a table row numbered rowNum.
func toRow(r fragRow, page, idx, rowNum int) extract.Row {
	var row extract.Row
	row.Header = r.header
	for i, c := range r.cells {
		cell := extract.Cell{Text: c.text, Pos: extract.Pos{Page: page, Line: c.num, Table: idx, Row: rowNum, Cell: i + 1}, Box: c.box}
		if c.span > 1 {
			cell.Span = c.span
		}
		row.Cells = append(row.Cells, cell)
	}
	return row
}
