package grid

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/baocao/baocao/extract"
)

// Word is a word on the page: its text and its box.
type Word struct {
	Text string
	Box  extract.Box
	// Bold marks a word set in a bold face, where the reader knows it.
	Bold bool
}

// Rule is a ruling line from X0, Y0 to X1, Y1, in the coordinates of
// the words' boxes. Only horizontal and vertical rules are used.
type Rule struct {
	X0, Y0, X1, Y1 float64
}

// horizontal reports whether r is a horizontal rule.
func (r Rule) horizontal() bool { return math.Abs(r.Y1-r.Y0) <= 1.5 && math.Abs(r.X1-r.X0) > 1.5 }

// vertical reports whether r is a vertical rule.
func (r Rule) vertical() bool { return math.Abs(r.X1-r.X0) <= 1.5 && math.Abs(r.Y1-r.Y0) > 1.5 }

// Page is what Find reads: the words and rules of one page.
type Page struct {
	Width, Height float64
	Words         []Word
	Rules         []Rule
}

// Table is a table found on a page.
type Table struct {
	// Box bounds the table: its rules, or its words.
	Box  extract.Box
	Rows []Row
	// Cols is the number of grid columns.
	Cols int
	// Ruled is set for a table found from a full grid of rules.
	Ruled bool
}

// Row is one row of a table.
type Row struct {
	Cells  []Cell
	Header bool
}

// Cell is one cell of a row.
type Cell struct {
	Text string
	Box  extract.Box
	// Span is the number of grid columns the cell covers.
	Span int
	// Words are the indices in Page.Words of the cell's words, line by
	// line, left to right.
	Words []int
}

// Options tune Find.
type Options struct {
	// Prev is the table the previous page ended with, if it ended with
	// one: a region at the top of this page with as many columns is
	// taken as its continuation even without a header or caption.
	Prev *Table
}

// Find returns the tables of page p, top to bottom. Every word of p
// lies in at most one table.
func Find(p *Page, opt Options) []Table {
	if len(p.Words) == 0 {
		return nil
	}
	used := make([]bool, len(p.Words))
	var out []Table
	for _, g := range findGrids(p.Rules) {
		if t, ok := g.fill(p, used); ok {
			out = append(out, t)
		}
	}
	out = append(out, findStream(p, used, opt)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Box.Y < out[j].Box.Y })
	return out
}

// lineOf groups word indices into one physical line.
type lineOf struct {
	words    []int // left to right
	top, bot float64
	x0, x1   float64
	h        float64 // median word height
}

// groupLines groups the words ws (indices into p.Words, sorted here)
// into lines by vertical overlap, top to bottom, each left to right.
// The lines' words are slices of ws.
func groupLines(p *Page, ws []int) []*lineOf {
	center := func(i int) float64 { b := p.Words[i].Box; return b.Y + b.H/2 }
	slices.SortStableFunc(ws, func(a, b int) int {
		if c := cmp.Compare(center(a), center(b)); c != 0 {
			return c
		}
		return cmp.Compare(p.Words[a].Box.X, p.Words[b].Box.X)
	})
	var out []*lineOf
	var cur *lineOf
	start := 0
	for k, i := range ws {
		b := p.Words[i].Box
		c := b.Y + b.H/2
		if cur != nil && c >= cur.top && c <= cur.bot && math.Abs(c-(cur.top+cur.bot)/2) <= 0.35*math.Max(cur.bot-cur.top, b.H) {
			cur.words = ws[start : k+1 : k+1]
			cur.top, cur.bot = math.Min(cur.top, b.Y), math.Max(cur.bot, b.Y+b.H)
			continue
		}
		start = k
		cur = &lineOf{words: ws[k : k+1 : k+1], top: b.Y, bot: b.Y + b.H}
		out = append(out, cur)
	}
	var hs []float64
	for _, l := range out {
		slices.SortStableFunc(l.words, func(a, b int) int { return cmp.Compare(p.Words[a].Box.X, p.Words[b].Box.X) })
		hs = hs[:0]
		l.x0, l.x1 = math.Inf(1), math.Inf(-1)
		for _, i := range l.words {
			b := p.Words[i].Box
			hs = append(hs, b.H)
			l.x0, l.x1 = math.Min(l.x0, b.X), math.Max(l.x1, b.X+b.W)
		}
		slices.Sort(hs)
		l.h = hs[len(hs)/2]
	}
	return out
}

// cellOf builds a cell from its words, given line by line.
func cellOf(p *Page, lines [][]int, span int) Cell {
	c := Cell{Span: span}
	for _, l := range lines {
		if len(l) == 0 {
			continue
		}
		var b strings.Builder
		for k, i := range l {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p.Words[i].Text)
			c.Box = c.Box.Union(p.Words[i].Box)
			c.Words = append(c.Words, i)
		}
		if c.Text == "" {
			c.Text = b.String()
		} else {
			c.Text = extract.JoinWrapped(c.Text, b.String())
		}
	}
	c.Box = round(c.Box)
	return c
}

// round rounds b to hundredths of a point.
func round(b extract.Box) extract.Box {
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return extract.Box{X: r(b.X), Y: r(b.Y), W: r(b.W), H: r(b.H)}
}

// boldRow reports whether nine in ten of the words of a row are bold.
func boldRow(p *Page, r Row) bool {
	n, bold := 0, 0
	for _, c := range r.Cells {
		for _, i := range c.Words {
			n++
			if p.Words[i].Bold {
				bold++
			}
		}
	}
	return n > 0 && bold*10 >= n*9
}

// boxOf returns the box with corners x0, y0 and x1, y1.
func boxOf(x0, y0, x1, y1 float64) extract.Box {
	return extract.Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
