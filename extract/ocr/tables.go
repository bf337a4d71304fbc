package ocr

import (
	"sort"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/grid"
)

// defaultScale is the size of an image pixel in points when the page
// image has no placement (ParseTSV with the zero Placement): 200 dpi.
const defaultScale = 72.0 / 200

// findTables finds the tables of a page with package grid, from the
// words' boxes and the rulings of the page image. Package grid wants
// horizontal rows and vertical rules, so the page is first turned
// straight by skew, its slant (that of its rulings, or failing them
// that of its lines of text: a scan fed askew), about its top-left
// corner; and it is measured in points, grid's thresholds being in
// points.
func findTables(words []word, rs rulingSet, g geometry, skew float64) []grid.Table {
	s := defaultScale
	if f := g.pl.Frame; !f.IsZero() && g.imgW > 0 {
		s = f.W / float64(g.imgW)
	}
	straight := func(x, y float64) (float64, float64) { return x + skew*y, y - skew*x }
	p := &grid.Page{Width: float64(g.imgW) * s, Height: float64(g.imgH) * s, Words: make([]grid.Word, len(words))}
	for i, w := range words {
		cx, cy := straight(float64(w.left)+float64(w.w)/2, float64(w.top)+float64(w.h)/2)
		p.Words[i] = grid.Word{Text: w.text, Box: extract.Box{X: (cx - float64(w.w)/2) * s, Y: (cy - float64(w.h)/2) * s, W: float64(w.w) * s, H: float64(w.h) * s}}
	}
	for _, r := range append(rs.h[:len(rs.h):len(rs.h)], rs.v...) {
		// On the straightened page a ruling of the page's slant is
		// level (or upright) through its first end.
		x0, y0, x1, y1 := r.ends()
		x0, y0 = straight(x0, y0)
		x1, y1 = straight(x1, y1)
		if r.vertical {
			x1 = x0
		} else {
			y1 = y0
		}
		p.Rules = append(p.Rules, grid.Rule{X0: x0 * s, Y0: y0 * s, X1: x1 * s, Y1: y1 * s})
	}
	snapRules(p.Rules, float64(2*rs.thick+2)*s)
	return grid.Find(p, grid.Options{})
}

// snapRules moves the ends of rules that stop within tol of a rule
// across them onto it: a ruling found in a scan ends a few pixels short
// of the ruling it meets, where the two cross and neither is thin, and
// package grid joins rules only where they touch.
func snapRules(rules []grid.Rule, tol float64) {
	near := func(a, b float64) bool { return a-b <= tol && b-a <= tol }
	// axes returns where a rule runs along its axis and where it lies
	// across it.
	axes := func(r *grid.Rule, vertical bool) (lo, hi *float64, across float64) {
		if vertical {
			return &r.Y0, &r.Y1, r.X0
		}
		return &r.X0, &r.X1, r.Y0
	}
	for i := range rules {
		r := &rules[i]
		vertical := r.X0 == r.X1
		lo, hi, at := axes(r, vertical)
		for k := range rules {
			o := &rules[k]
			if (o.X0 == o.X1) == vertical {
				continue
			}
			olo, ohi, oat := axes(o, !vertical)
			if at < min(*olo, *ohi)-tol || at > max(*olo, *ohi)+tol {
				continue
			}
			if near(*lo, oat) {
				*lo = oat
			}
			if near(*hi, oat) {
				*hi = oat
			}
		}
	}
}

// textSkew estimates the slant of a page without rulings from its lines
// of text: the median over Tesseract's lines of five words or more of
// the slope of their words' bottom edges (least squares), 0 when there
// are none.
func textSkew(words []word) float64 {
	var slopes []float64
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].tessLine == words[i].tessLine {
			j++
		}
		if j-i >= 5 {
			var n, sx, sy, sxx, sxy float64
			for _, w := range words[i:j] {
				x, y := float64(w.left)+float64(w.w)/2, float64(w.top+w.h)
				n++
				sx += x
				sy += y
				sxx += x * x
				sxy += x * y
			}
			if d := n*sxx - sx*sx; d > 0 {
				slopes = append(slopes, (n*sxy-sx*sy)/d)
			}
		}
		i = j
	}
	if len(slopes) == 0 {
		return 0
	}
	sort.Float64s(slopes)
	return slopes[len(slopes)/2]
}

// tableBlock builds the table block of a table found by grid among
// words; each row takes one line number. Cells get the boxes and the
// mean confidence of their words.
func tableBlock(t grid.Table, words []word, page int, lineNo *int, g geometry) extract.Block {
	tb := &extract.Table{}
	for ri, r := range t.Rows {
		*lineNo++
		row := extract.Row{Header: r.Header}
		for ci, c := range r.Cells {
			cell := extract.Cell{Text: c.Text, Pos: cellPos(page, *lineNo, ri, ci), Span: max(1, c.Span)}
			if len(c.Words) > 0 {
				ws := make([]word, len(c.Words))
				for k, i := range c.Words {
					ws[k] = words[i]
				}
				cell.Box = g.box(ws)
				cell.Conf = meanConf(ws)
			}
			row.Cells = append(row.Cells, cell)
		}
		tb.Rows = append(tb.Rows, row)
	}
	return extract.Block{Kind: extract.TableKind, Table: tb}
}
