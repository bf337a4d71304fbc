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
	for _, r := range rs.h {
		// On the straightened page a ruling of the page's slant is
		// level at its height a.
		x0, y := straight(float64(r.lo), r.at(float64(r.lo)))
		x1, _ := straight(float64(r.hi), r.at(float64(r.hi)))
		p.Rules = append(p.Rules, grid.Rule{X0: x0 * s, Y0: y * s, X1: x1 * s, Y1: y * s})
	}
	for _, r := range rs.v {
		x, y0 := straight(r.at(float64(r.lo)), float64(r.lo))
		_, y1 := straight(r.at(float64(r.hi)), float64(r.hi))
		p.Rules = append(p.Rules, grid.Rule{X0: x * s, Y0: y0 * s, X1: x * s, Y1: y1 * s})
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
	for i := range rules {
		r := &rules[i]
		vertical := r.X0 == r.X1
		for _, o := range rules {
			if (o.X0 == o.X1) == vertical {
				continue
			}
			if vertical {
				// o is horizontal at o.Y0, from o.X0 to o.X1.
				if r.X0 < min(o.X0, o.X1)-tol || r.X0 > max(o.X0, o.X1)+tol {
					continue
				}
				if near(r.Y0, o.Y0) {
					r.Y0 = o.Y0
				}
				if near(r.Y1, o.Y0) {
					r.Y1 = o.Y0
				}
				continue
			}
			if r.Y0 < min(o.Y0, o.Y1)-tol || r.Y0 > max(o.Y0, o.Y1)+tol {
				continue
			}
			if near(r.X0, o.X0) {
				r.X0 = o.X0
			}
			if near(r.X1, o.X0) {
				r.X1 = o.X0
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
