package grid

import (
	"math"
	"sort"
)

// ruledGrid is a ruled table: the x of its column rules, left to right,
// and the y of its row rules, top to bottom.
type ruledGrid struct {
	xs, ys                   []float64
	left, right, top, bottom float64
	vert                     []Rule
}

// Limits on grids, so that a page drawn with thousands of rules stays
// cheap.
const (
	maxGridRules = 4000
	ruleTol      = 2.0
)

// normRules returns the horizontal and vertical rules of rs with
// X0 <= X1 and Y0 <= Y1, at most maxGridRules of them.
func normRules(rs []Rule) []Rule {
	var segs []Rule
	for _, s := range rs {
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
	return segs
}

// connected groups rules that touch each other (within ruleTol), in
// order of first appearance.
func connected(segs []Rule) [][]Rule {
	parent := make([]int, len(segs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
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
	groups := map[int][]Rule{}
	var order []int
	for i, s := range segs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], s)
	}
	out := make([][]Rule, 0, len(order))
	for _, r := range order {
		out = append(out, groups[r])
	}
	return out
}

// findGrids finds ruled tables: groups of horizontal and vertical rules
// that touch each other, with at least two of each.
func findGrids(rules []Rule) []*ruledGrid {
	var out []*ruledGrid
	for _, g := range connected(normRules(rules)) {
		if rg := newGrid(g); rg != nil {
			out = append(out, rg)
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
func touch(a, b Rule) bool {
	return a.X0 <= b.X1+ruleTol && b.X0 <= a.X1+ruleTol && a.Y0 <= b.Y1+ruleTol && b.Y0 <= a.Y1+ruleTol
}

// newGrid builds a grid from connected rules, or returns nil if they
// do not make a table of at least two rows or two columns of cells.
func newGrid(segs []Rule) *ruledGrid {
	g := &ruledGrid{left: math.Inf(1), right: math.Inf(-1), top: math.Inf(1), bottom: math.Inf(-1)}
	var xs, ys []float64
	for _, s := range segs {
		g.left = math.Min(g.left, s.X0)
		g.right = math.Max(g.right, s.X1)
		g.top = math.Min(g.top, s.Y0)
		g.bottom = math.Max(g.bottom, s.Y1)
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
	if len(g.ys) == 0 || g.ys[0]-g.top > ruleTol {
		g.ys = append([]float64{g.top}, g.ys...)
	}
	if g.bottom-g.ys[len(g.ys)-1] > ruleTol {
		g.ys = append(g.ys, g.bottom)
	}
	if len(g.xs) < 3 || len(g.ys) < 2 || len(g.vert) < 2 {
		return nil
	}
	if g.right-g.left < 20 || g.bottom-g.top < 8 {
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
func (g *ruledGrid) contains(x, y float64) bool {
	return x >= g.left && x <= g.right && y >= g.top && y <= g.bottom
}

// hasVert reports whether a vertical rule at x crosses height y.
func (g *ruledGrid) hasVert(x, y float64) bool {
	for _, s := range g.vert {
		if math.Abs((s.X0+s.X1)/2-x) <= ruleTol && s.Y0-ruleTol <= y && y <= s.Y1+ruleTol {
			return true
		}
	}
	return false
}

// fill places the words not yet used whose centre lies in the grid into
// its cells, marks them used, and returns the table; false when the
// grid holds no words.
func (g *ruledGrid) fill(p *Page, used []bool) (Table, bool) {
	nr, nc := len(g.ys)-1, len(g.xs)-1
	cells := make([][][]int, nr)
	for i := range cells {
		cells[i] = make([][]int, nc)
	}
	n := 0
	for i, w := range p.Words {
		if used[i] {
			continue
		}
		cx, cy := w.Box.X+w.Box.W/2, w.Box.Y+w.Box.H/2
		if !g.contains(cx, cy) {
			continue
		}
		r := sort.Search(nr, func(k int) bool { return cy <= g.ys[k+1] })
		c := sort.Search(nc, func(k int) bool { return cx <= g.xs[k+1] })
		r, c = min(r, nr-1), min(c, nc-1)
		cells[r][c] = append(cells[r][c], i)
		used[i] = true
		n++
	}
	if n == 0 {
		return Table{}, false
	}
	t := Table{Cols: nc, Ruled: true, Box: round(boxOf(g.left, g.top, g.right, g.bottom))}
	for r := 0; r < nr; r++ {
		mid := (g.ys[r] + g.ys[r+1]) / 2
		var row Row
		empty := true
		for c := 0; c < nc; {
			// Merge columns whose dividing rule is missing on this row.
			span := 1
			for c+span < nc && !g.hasVert(g.xs[c+span], mid) {
				span++
			}
			var ws []int
			for k := c; k < c+span; k++ {
				ws = append(ws, cells[r][k]...)
			}
			var lines [][]int
			for _, l := range groupLines(p, ws) {
				lines = append(lines, l.words)
			}
			cell := cellOf(p, lines, span)
			if cell.Text != "" {
				empty = false
			}
			row.Cells = append(row.Cells, cell)
			c += span
		}
		if !empty {
			t.Rows = append(t.Rows, row)
		}
	}
	if len(t.Rows) == 0 {
		return Table{}, false
	}
	if len(t.Rows) > 1 && boldRow(p, t.Rows[0]) && !boldRow(p, t.Rows[1]) {
		t.Rows[0].Header = true
	}
	return t, true
}
