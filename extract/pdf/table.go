package pdf

import (
	"math"
	"sort"
	"strings"

	"github.com/baocao/baocao/extract"
)

// grid is a ruled table found on a page: the x of its column rules,
// left to right, and the y of its row rules, top to bottom.
type grid struct {
	xs, ys                   []float64
	left, right, top, bottom float64
	vert                     []segment
}

// Limits on grids, so that a page drawn with thousands of rules stays
// cheap.
const (
	maxGridRules = 4000
	ruleTol      = 2.0
)

// findGrids finds ruled tables: groups of horizontal and vertical rules
// that touch each other, with at least two of each.
func findGrids(rules []segment) []*grid {
	var segs []segment
	for _, s := range rules {
		if !finite(s.X0, s.Y0, s.X1, s.Y1) {
			continue
		}
		if s.X0 > s.X1 {
			s.X0, s.X1 = s.X1, s.X0
		}
		if s.Y0 > s.Y1 {
			s.Y0, s.Y1 = s.Y1, s.Y0
		}
		if s.horizontal() || s.vertical() {
			segs = append(segs, s)
		}
		if len(segs) >= maxGridRules {
			break
		}
	}
	// Union-find over touching rules.
	parent := make([]int, len(segs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			if touch(segs[i], segs[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]segment{}
	var order []int
	for i, s := range segs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], s)
	}
	var out []*grid
	for _, r := range order {
		g := newGrid(groups[r])
		if g != nil {
			out = append(out, g)
		}
	}
	return out
}

// finite reports whether all values are finite numbers.
func finite(v ...float64) bool {
	for _, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// touch reports whether two normalized rules meet within ruleTol.
func touch(a, b segment) bool {
	return a.X0 <= b.X1+ruleTol && b.X0 <= a.X1+ruleTol && a.Y0 <= b.Y1+ruleTol && b.Y0 <= a.Y1+ruleTol
}

// newGrid builds a grid from connected rules, or returns nil if they
// do not make a table of at least two rows or two columns of cells.
func newGrid(segs []segment) *grid {
	g := &grid{left: math.Inf(1), right: math.Inf(-1), top: math.Inf(-1), bottom: math.Inf(1)}
	var xs, ys []float64
	for _, s := range segs {
		g.left = math.Min(g.left, s.X0)
		g.right = math.Max(g.right, s.X1)
		g.bottom = math.Min(g.bottom, s.Y0)
		g.top = math.Max(g.top, s.Y1)
		if s.vertical() {
			xs = append(xs, (s.X0+s.X1)/2)
			g.vert = append(g.vert, s)
		} else {
			ys = append(ys, (s.Y0+s.Y1)/2)
		}
	}
	g.xs = mergeClose(xs)
	g.ys = mergeClose(ys)
	// Outer edges count as rules even when not drawn.
	if len(g.xs) == 0 || g.xs[0]-g.left > ruleTol {
		g.xs = append([]float64{g.left}, g.xs...)
	}
	if g.right-g.xs[len(g.xs)-1] > ruleTol {
		g.xs = append(g.xs, g.right)
	}
	if len(g.ys) == 0 || g.ys[0]-g.bottom > ruleTol {
		g.ys = append([]float64{g.bottom}, g.ys...)
	}
	if g.top-g.ys[len(g.ys)-1] > ruleTol {
		g.ys = append(g.ys, g.top)
	}
	// Rows top to bottom.
	for i, j := 0, len(g.ys)-1; i < j; i, j = i+1, j-1 {
		g.ys[i], g.ys[j] = g.ys[j], g.ys[i]
	}
	if len(g.xs) < 3 || len(g.ys) < 2 || len(g.vert) < 2 {
		return nil
	}
	if g.right-g.left < 20 || g.top-g.bottom < 8 {
		return nil
	}
	return g
}

// mergeClose sorts vs and merges values closer than ruleTol.
func mergeClose(vs []float64) []float64 {
	sort.Float64s(vs)
	var out []float64
	for _, v := range vs {
		if n := len(out); n > 0 && v-out[n-1] <= ruleTol {
			continue
		}
		out = append(out, v)
	}
	return out
}

// contains reports whether the point lies inside the grid.
func (g *grid) contains(x, y float64) bool {
	return x >= g.left && x <= g.right && y >= g.bottom && y <= g.top
}

// tableFrag is the part of a table on one page.
type tableFrag struct {
	page       int
	cols       []float64
	left       float64
	rows       []fragRow
	lastOnPage bool
}

type fragRow struct {
	cells []fragCell
	bold  bool
}

type fragCell struct {
	text    string
	span    int
	y       float64 // baseline of the cell's first line
	num     int     // page line number of the first line
	hasLine bool
	box     extract.Box
}

// fill places glyphs into the grid's cells and returns the fragment,
// or nil when the grid holds no text.
func (g *grid) fill(f frame, gs []glyph) *tableFrag {
	if len(gs) == 0 {
		return nil
	}
	nr, nc := len(g.ys)-1, len(g.xs)-1
	cells := make([][][]glyph, nr)
	for i := range cells {
		cells[i] = make([][]glyph, nc)
	}
	for _, gl := range gs {
		cx, cy := gl.X+gl.W/2, gl.Y+gl.Size*0.3
		r := sort.Search(nr, func(i int) bool { return cy >= g.ys[i+1] })
		c := sort.Search(nc, func(i int) bool { return cx <= g.xs[i+1] })
		if r >= nr {
			r = nr - 1
		}
		if c >= nc {
			c = nc - 1
		}
		cells[r][c] = append(cells[r][c], gl)
	}
	t := &tableFrag{page: f.N, cols: g.xs, left: g.left}
	for r := 0; r < nr; r++ {
		mid := (g.ys[r] + g.ys[r+1]) / 2
		var row fragRow
		boldN, n := 0, 0
		empty := true
		for c := 0; c < nc; {
			// Merge columns whose dividing rule is missing on this row.
			span := 1
			for c+span < nc && !g.hasVert(g.xs[c+span], mid) {
				span++
			}
			var all []glyph
			for k := c; k < c+span; k++ {
				all = append(all, cells[r][k]...)
			}
			fc := fragCell{span: span}
			lines := buildLines(f, all, 0)
			var texts []string
			for _, l := range lines {
				texts = append(texts, l.Text)
				fc.box = roundBox(fc.box.Union(l.Box))
			}
			if len(lines) > 0 {
				fc.text = joinCell(texts)
				fc.y = lines[0].Y
				fc.hasLine = true
				empty = false
			}
			for _, gl := range all {
				if strings.TrimSpace(gl.S) != "" {
					n++
					if isBold(gl.Font) {
						boldN++
					}
				}
			}
			row.cells = append(row.cells, fc)
			c += span
		}
		row.bold = n > 0 && boldN*10 >= n*9
		if !empty {
			t.rows = append(t.rows, row)
		}
	}
	if len(t.rows) == 0 {
		return nil
	}
	return t
}

// hasVert reports whether a vertical rule at x crosses height y.
func (g *grid) hasVert(x, y float64) bool {
	for _, s := range g.vert {
		if math.Abs((s.X0+s.X1)/2-x) <= ruleTol && s.Y0-ruleTol <= y && y <= s.Y1+ruleTol {
			return true
		}
	}
	return false
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
		if !cont && i == 0 && r.bold && len(rows) > 1 && !rows[1].bold {
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
