package ocr

import (
	"math"
	"sort"
	"strings"

	"github.com/baocao/baocao/extract"
)

// grid is a ruled table: the rulings that bound its rows (h, top to
// bottom) and columns (v, left to right), which cross each other.
type grid struct {
	h, v []ruling
	tol  float64 // how far a word or a line end may stray, in pixels
}

// findGrids finds the ruled tables among rulings: groups of horizontal
// and vertical rulings that cross (or touch at their ends), with at
// least two rows of rulings and three columns of them (two columns of
// cells; a framed paragraph is not a table).
func findGrids(rs rulingSet) []grid {
	tol := float64(2*rs.thick + 2)
	nh := len(rs.h)
	parent := make([]int, nh+len(rs.v))
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
	for i, h := range rs.h {
		for j, v := range rs.v {
			if crosses(h, v, tol) {
				parent[find(i)] = find(nh + j)
			}
		}
	}
	comps := map[int]*grid{}
	var order []int
	add := func(k int, r ruling) {
		p := find(k)
		g, ok := comps[p]
		if !ok {
			g = &grid{tol: tol}
			comps[p] = g
			order = append(order, p)
		}
		if r.vertical {
			g.v = append(g.v, r)
		} else {
			g.h = append(g.h, r)
		}
	}
	for i, h := range rs.h {
		add(i, h)
	}
	for j, v := range rs.v {
		add(nh+j, v)
	}
	var out []grid
	for _, p := range order {
		g := comps[p]
		g.h = mergeRulings(g.h, tol)
		g.v = mergeRulings(g.v, tol)
		if len(g.h) >= 2 && len(g.v) >= 3 {
			out = append(out, *g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].h[0].mid() < out[j].h[0].mid() })
	return out
}

// crosses reports whether horizontal ruling h and vertical ruling v
// cross or meet, within tol pixels.
func crosses(h, v ruling, tol float64) bool {
	// Where they would meet: y on h at v's x, x on v at that y.
	x := v.at(h.at(v.mid()))
	y := h.at(x)
	return x >= float64(h.lo)-tol && x <= float64(h.hi)+tol && y >= float64(v.lo)-tol && y <= float64(v.hi)+tol
}

// mergeRulings sorts rulings by position and merges those within tol of
// each other (the two edges of a thick rule, a double rule).
func mergeRulings(rs []ruling, tol float64) []ruling {
	sort.Slice(rs, func(i, j int) bool { return rs[i].mid() < rs[j].mid() })
	var out []ruling
	for _, r := range rs {
		if n := len(out); n > 0 && math.Abs(out[n-1].mid()-r.mid()) <= tol {
			o := &out[n-1]
			if r.hi-r.lo > o.hi-o.lo {
				o.a, o.b = r.a, r.b
			}
			o.lo, o.hi = min(o.lo, r.lo), max(o.hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// contains reports whether the point (x, y) lies inside the grid's
// outer rulings.
func (g *grid) contains(x, y float64) bool {
	top, bottom := g.h[0], g.h[len(g.h)-1]
	left, right := g.v[0], g.v[len(g.v)-1]
	return y > top.at(x) && y < bottom.at(x) && x > left.at(y) && x < right.at(y)
}

// cellAt returns the row and column band of the point (x, y), which
// must be inside the grid.
func (g *grid) cellAt(x, y float64) (row, col int) {
	for row = 0; row+2 < len(g.h) && y > g.h[row+1].at(x); row++ {
	}
	for col = 0; col+2 < len(g.v) && x > g.v[col+1].at(y); col++ {
	}
	return row, col
}

// hasV reports whether the vertical ruling between columns c and c+1
// runs through row band r (else the cells on either side are one).
func (g *grid) hasV(r, c int) bool {
	v := g.v[c+1]
	x := v.at((g.h[r].mid() + g.h[r+1].mid()) / 2)
	y := (g.h[r].at(x) + g.h[r+1].at(x)) / 2
	return y >= float64(v.lo)-g.tol && y <= float64(v.hi)+g.tol
}

// hasH reports whether the horizontal ruling between rows r and r+1
// runs through column band c (else the cells above and below are one).
func (g *grid) hasH(r, c int) bool {
	h := g.h[r+1]
	y := h.at((g.v[c].mid() + g.v[c+1].mid()) / 2)
	x := (g.v[c].at(y) + g.v[c+1].at(y)) / 2
	return x >= float64(h.lo)-g.tol && x <= float64(h.hi)+g.tol
}

// ruledTable lays out the words that fall in grid g (by their centres)
// as a table block: one row per row band that holds any text, a cell
// per column band, cells that no ruling separates merged (Span across,
// repeated text down, as extract.Table wants them). Each row takes one
// line number.
func ruledTable(g *grid, ws []word, page int, lineNo *int, geo geometry, unit int) extract.Block {
	rows, cols := len(g.h)-1, len(g.v)-1
	// The merged cell of each band crossing, named by its top-left
	// band: bands of a row that no vertical ruling parts are one cell;
	// a cell and the one above it, of the same columns, that no
	// horizontal ruling parts are one too.
	owner := make([][2]int, rows*cols)
	for r := range rows {
		for c := range cols {
			owner[r*cols+c] = [2]int{r, c}
			if c > 0 && !g.hasV(r, c-1) {
				owner[r*cols+c] = owner[r*cols+c-1]
			}
		}
		if r == 0 {
			continue
		}
		for c0 := 0; c0 < cols; {
			c1 := c0
			for c1+1 < cols && owner[r*cols+c1+1] == owner[r*cols+c0] {
				c1++
			}
			up := owner[(r-1)*cols+c0]
			same := (c0 == 0 || owner[(r-1)*cols+c0-1] != up) && (c1+1 == cols || owner[(r-1)*cols+c1+1] != up)
			for c := c0; c <= c1 && same; c++ {
				same = owner[(r-1)*cols+c] == up && !g.hasH(r-1, c)
			}
			if same {
				for c := c0; c <= c1; c++ {
					owner[r*cols+c] = up
				}
			}
			c0 = c1 + 1
		}
	}
	words := map[[2]int][]word{}
	for _, w := range ws {
		x, y := float64(w.left)+float64(w.w)/2, float64(w.top)+float64(w.h)/2
		r, c := g.cellAt(x, y)
		o := owner[r*cols+c]
		words[o] = append(words[o], w)
	}
	tb := &extract.Table{}
	for r := range rows {
		empty := true
		for c := range cols {
			if len(words[owner[r*cols+c]]) > 0 {
				empty = false
			}
		}
		// A row band all of whose cells go on from the row above is
		// that row (a ruling lost in the scan), not a row of its own.
		own := false
		for c := range cols {
			if owner[r*cols+c][0] == r {
				own = true
			}
		}
		if empty || !own {
			continue
		}
		*lineNo++
		var row extract.Row
		for c := 0; c < cols; {
			o := owner[r*cols+c]
			span := 1
			for c+span < cols && owner[r*cols+c+span] == o {
				span++
			}
			cw := words[o]
			cell := extract.Cell{Text: cellText(cw, unit), Pos: cellPos(page, *lineNo, len(tb.Rows), len(row.Cells)), Span: span}
			if len(cw) > 0 {
				cell.Box = geo.box(cw)
				cell.Conf = meanConf(cw)
			}
			row.Cells = append(row.Cells, cell)
			c += span
		}
		tb.Rows = append(tb.Rows, row)
	}
	return extract.Block{Kind: extract.TableKind, Table: tb}
}

// cellText joins the words of a cell in reading order: rows of print
// top to bottom, words left to right, with single spaces.
func cellText(ws []word, unit int) string {
	var parts []string
	for _, r := range visualRows(ws, unit) {
		for _, w := range r.words {
			parts = append(parts, w.text)
		}
	}
	return strings.Join(parts, " ")
}
