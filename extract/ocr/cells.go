package ocr

import (
	"math"
	"sort"
)

// rect is an axis-aligned rectangle of a page image, in pixels, x0 and
// y0 inclusive, x1 and y1 exclusive.
type rect struct{ x0, y0, x1, y1 int }

// cellsToRead returns the cells of the ruled tables of a page image that
// hold ink but no recognised word, or only words Tesseract is unsure of
// (see unsure): its page layout analysis drops what stands alone in a
// narrow cell, such as the serial numbers of an STT column (and a ruled
// table whose first column is empty reads as one long wrapped row), and
// misreads a figure that a speck touches, which the cell read on its
// own often gets right. A cell is the space between two neighbouring
// horizontal rulings and two neighbouring vertical ones that run along
// all its sides; it is returned inset by the rulings' thickness, as the
// rectangle of the image that holds it.
func cellsToRead(g *grayImage, rs rulingSet, words []word) []rect {
	if len(rs.h) < 2 || len(rs.v) < 2 {
		return nil
	}
	hs := append([]ruling(nil), rs.h...)
	vs := append([]ruling(nil), rs.v...)
	sort.Slice(hs, func(i, j int) bool { return hs[i].mid() < hs[j].mid() })
	sort.Slice(vs, func(i, j int) bool { return vs[i].mid() < vs[j].mid() })
	thr, _ := otsu(g.pix)
	inset := float64(rs.thick + 2)
	spans := func(r ruling, t float64) bool { return t >= float64(r.lo)-inset && t <= float64(r.hi)+inset }
	var out []rect
	for i := 0; i+1 < len(hs); i++ {
		top, bottom := hs[i], hs[i+1]
		for j := 0; j+1 < len(vs); j++ {
			left, right := vs[j], vs[j+1]
			// The cell's corners, where the rulings meet.
			ymid := (top.mid() + bottom.mid()) / 2
			xl, xr := left.at(ymid), right.at(ymid)
			xmid := (xl + xr) / 2
			yt, yb := top.at(xmid), bottom.at(xmid)
			if xr-xl < 3*inset || yb-yt < 3*inset || yb-yt > 0.25*float64(g.h) {
				continue
			}
			if !spans(top, xl) || !spans(top, xr) || !spans(bottom, xl) || !spans(bottom, xr) ||
				!spans(left, yt) || !spans(left, yb) || !spans(right, yt) || !spans(right, yb) {
				continue
			}
			// The rectangle inside all four rulings, allowing for the
			// slant.
			c := rect{
				x0: int(math.Ceil(max(left.at(yt), left.at(yb)) + inset)),
				x1: int(math.Floor(min(right.at(yt), right.at(yb)) - inset)),
				y0: int(math.Ceil(max(top.at(xl), top.at(xr)) + inset)),
				y1: int(math.Floor(min(bottom.at(xl), bottom.at(xr)) - inset)),
			}
			c.x0, c.y0 = max(0, c.x0), max(0, c.y0)
			c.x1, c.y1 = min(g.w, c.x1), min(g.h, c.y1)
			if c.x1-c.x0 < 4 || c.y1-c.y0 < 4 || ink(g, c, thr) < 12 {
				continue
			}
			if ws := wordsIn(words, c); len(ws) > 0 && !unsure(words, ws) {
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// wordsIn returns the indexes of the words whose centre lies in c.
func wordsIn(words []word, c rect) []int {
	var out []int
	for i, w := range words {
		if x, y := w.left+w.w/2, w.top+w.h/2; x >= c.x0 && x < c.x1 && y >= c.y0 && y < c.y1 {
			out = append(out, i)
		}
	}
	return out
}

// unsure reports whether Tesseract is unsure of the words ws of a cell:
// one of them under 40, or all of them under 70 on average.
func unsure(words []word, ws []int) bool {
	sum := 0.0
	for _, i := range ws {
		if words[i].conf < 40 {
			return true
		}
		sum += words[i].conf
	}
	return sum < 70*float64(len(ws))
}

// ink counts the pixels of c darker than thr.
func ink(g *grayImage, c rect, thr uint8) int {
	n := 0
	for y := c.y0; y < c.y1; y++ {
		for _, p := range g.pix[y*g.w+c.x0 : y*g.w+c.x1] {
			if p < thr {
				n++
			}
		}
	}
	return n
}

// stripPad is the white margin around each cell of a strip, in pixels.
const stripPad = 24

// cellStrip stacks the cells cs of g into one black and white image,
// each cut to its ink and set in a white margin, for one more Tesseract
// run; it returns
// the strip and, for each cell, the strip's y where it starts and the
// offset from strip to page coordinates.
func cellStrip(g *grayImage, cs []rect) (*grayImage, []stripCell) {
	thr, _ := otsu(g.pix)
	var cells []stripCell
	w, h := 0, 0
	for _, cell := range cs {
		c := inkBox(g, cell, thr)
		if c.x1 <= c.x0 {
			continue
		}
		cells = append(cells, stripCell{cell: cell, src: c, y0: h})
		w = max(w, c.x1-c.x0+2*stripPad)
		h += c.y1 - c.y0 + 2*stripPad
	}
	if len(cells) == 0 {
		return nil, nil
	}
	s := &grayImage{w: w, h: h, pix: make([]uint8, w*h)}
	for i := range s.pix {
		s.pix[i] = 255
	}
	// In black and white: Tesseract's own threshold, taken over a small
	// image of grey paper in a white margin, loses the text.
	for i := range cells {
		c := &cells[i]
		for y := c.src.y0; y < c.src.y1; y++ {
			row := s.pix[(c.y0+stripPad+y-c.src.y0)*w+stripPad:]
			for x, p := range g.pix[y*g.w+c.src.x0 : y*g.w+c.src.x1] {
				if p < thr {
					row[x] = 0
				}
			}
		}
		c.y1 = c.y0 + c.src.y1 - c.src.y0 + 2*stripPad
	}
	return s, cells
}

// stripCell is one cell of a strip: the cell, the rectangle of its ink
// on the page, and the strip's rows [y0, y1) that hold it.
type stripCell struct {
	cell, src rect
	y0, y1    int
}

// inkBox shrinks c to the box of its dark pixels.
func inkBox(g *grayImage, c rect, thr uint8) rect {
	b := rect{x0: c.x1, y0: c.y1, x1: c.x0, y1: c.y0}
	for y := c.y0; y < c.y1; y++ {
		for x := c.x0; x < c.x1; x++ {
			if g.pix[y*g.w+x] < thr {
				b.x0, b.x1 = min(b.x0, x), max(b.x1, x+1)
				b.y0, b.y1 = min(b.y0, y), max(b.y1, y+1)
			}
		}
	}
	return b
}

// mergeCellWords puts the words read on a strip of cells into the
// page's words: each moves to the cell its centre lies in, as a
// Tesseract line of its own after those of the page. A cell read again
// for its unsure words keeps the reading with the higher mean
// confidence.
func mergeCellWords(words, read []word, cells []stripCell) []word {
	byCell := make([][]word, len(cells))
	for _, w := range read {
		cy := w.top + w.h/2
		k := sort.Search(len(cells), func(k int) bool { return cells[k].y1 > cy })
		if k == len(cells) || cy < cells[k].y0 {
			continue
		}
		byCell[k] = append(byCell[k], w)
	}
	line := 0
	for _, w := range words {
		line = max(line, w.tessLine+1)
	}
	drop := map[int]bool{}
	var add []word
	for k, c := range cells {
		if len(byCell[k]) == 0 {
			continue
		}
		old := wordsIn(words, c.cell)
		if len(old) > 0 {
			oldConf, newConf := 0.0, 0.0
			for _, i := range old {
				oldConf += words[i].conf
			}
			for _, w := range byCell[k] {
				newConf += w.conf
			}
			if newConf/float64(len(byCell[k])) <= oldConf/float64(len(old)) {
				continue
			}
			for _, i := range old {
				drop[i] = true
			}
		}
		for _, w := range byCell[k] {
			w.left += c.src.x0 - stripPad
			w.top += c.src.y0 - (c.y0 + stripPad)
			w.tessLine = line + k
			w.block, w.par, w.line = -1-k, 1, 1
			add = append(add, w)
		}
	}
	out := make([]word, 0, len(words)+len(add))
	for i, w := range words {
		if !drop[i] {
			out = append(out, w)
		}
	}
	return append(out, add...)
}
