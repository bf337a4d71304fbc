package ocr

import (
	"math"
)

// ruling is a straight ruling line of a page image, in pixels: a
// horizontal one runs y = a + b·x for x in [lo, hi], a vertical one
// x = a + b·y for y in [lo, hi] (b is the slant of a tilted scan).
type ruling struct {
	vertical bool
	a, b     float64
	lo, hi   int
	// tc, cc is the centroid of the ruling's pixels (along, across),
	// through which the line is fitted.
	tc, cc float64
}

// at is the line's cross coordinate at t along it: y at x for a
// horizontal line, x at y for a vertical one.
func (r ruling) at(t float64) float64 { return r.a + r.b*t }

// ends returns the ends of the ruling in image coordinates.
func (r ruling) ends() (x0, y0, x1, y1 float64) {
	lo, hi := float64(r.lo), float64(r.hi)
	if r.vertical {
		return r.at(lo), lo, r.at(hi), hi
	}
	return lo, r.at(lo), hi, r.at(hi)
}

// mid is the line's cross coordinate at its middle.
func (r ruling) mid() float64 { return r.at(float64(r.lo+r.hi) / 2) }

// rulingSet is what findRulings finds on a page image.
type rulingSet struct {
	h, v  []ruling
	thick int     // the thickest a ruling may be, in pixels
	skew  float64 // the slant of the page, dy/dx of its horizontal rulings
}

// The scale of ruling detection, as fractions of the image's shorter
// side (8.27 inches on A4): a horizontal ruling is at least an eighth
// of it long (about an inch), a vertical one a twentieth (0.4 inch, two
// rows of a tight table), and at most a 250th thick (6.6 px at 200 dpi,
// a 2 pt rule); gaps of an 800th (blur, noise) do not break a line.
const (
	hRulingFrac = 8
	vRulingFrac = 20
	thickFrac   = 250
	gapFrac     = 800
)

// findRulings finds the ruling lines of g, long thin straight runs of
// dark pixels, and erases them (sets them to white) in place, so that
// Tesseract reads the text of ruled tables, which it otherwise often
// drops with the rulings as an image region. A pixel belongs to a
// horizontal ruling when it is dark, its vertical dark run is thin, and
// a run of such pixels (allowing a row of slant on either side and short
// gaps) is long; a character that touches a ruling keeps its strokes,
// whose runs are thick across it. It returns the rulings found and how
// many pixels it erased.
func findRulings(g *grayImage) (rulingSet, int) {
	short := min(g.w, g.h)
	rs := rulingSet{thick: max(2, short/thickFrac)}
	if short < 100 {
		return rs, 0
	}
	// Dark is halfway between Otsu's threshold and the paper: a thin
	// ruling, blurred, is lighter than the ink of text.
	thr, paper := otsu(g.pix)
	if paper <= thr {
		return rs, 0 // a photograph or an inverted page
	}
	thr += (paper - thr) / 2
	// One byte of flags a pixel (see pixDark and the others), and one
	// of scan state, keep the work at two bytes a pixel beside the
	// image: 17 MB for an A4 page at 300 dpi.
	px := make([]uint8, len(g.pix))
	for i, p := range g.pix {
		if p < thr {
			px[i] = pixDark
		}
	}
	// Thin in one direction: the dark run across is at most thick.
	thinRuns(px, g.w, g.h, false, rs.thick) // thin vertically: horizontal ruling pixels
	thinRuns(px, g.w, g.h, true, rs.thick)  // thin horizontally: vertical ruling pixels
	gap := max(1, short/gapFrac)
	state := make([]uint8, len(px))
	rs.h = joinRuns(scanRuns(px, state, g.w, g.h, false, short/hRulingFrac, gap, rs.thick), false, short/hRulingFrac)
	rs.v = joinRuns(scanRuns(px, state, g.w, g.h, true, short/vRulingFrac, gap, rs.thick), true, short/vRulingFrac)
	if len(rs.h)+len(rs.v) == 0 {
		return rs, 0
	}
	deskew(&rs)
	// Erase along the fitted lines: the dark pixels near a ruling that
	// are thin across it, or near a crossing ruling too.
	rulingBands(px, rs.h, g.w, g.h, rs.thick, pixBandH)
	rulingBands(px, rs.v, g.w, g.h, rs.thick, pixBandV)
	count := 0
	for i, f := range px {
		bandH, bandV := f&pixBandH != 0, f&pixBandV != 0
		if f&pixDark != 0 && (bandH && (f&pixThinV != 0 || bandV) || bandV && (f&pixThinH != 0 || bandH)) {
			px[i] |= pixErased
			g.pix[i] = 255
			count++
		}
	}
	// The grey fringe of an erased ruling, lighter than the threshold,
	// goes too, so that no ghost line is left for Tesseract.
	for i, f := range px {
		if f&pixErased == 0 {
			continue
		}
		x, y := i%g.w, i/g.w
		for _, d := range [][2]int{{0, -1}, {0, 1}, {-1, 0}, {1, 0}} {
			xx, yy := x+d[0], y+d[1]
			if xx >= 0 && yy >= 0 && xx < g.w && yy < g.h && px[yy*g.w+xx]&pixDark == 0 {
				g.pix[yy*g.w+xx] = 255
			}
		}
	}
	return rs, count
}

// deskew gives every ruling the slant of the page: a scan is turned as a
// whole, and the slant of a short ruling, fitted on its own, is noise.
// The slant is the mean of the horizontal rulings' (or, without any,
// the vertical ones'), weighted by the square of their length.
func deskew(rs *rulingSet) {
	var sw, sb float64
	for _, r := range rs.h {
		w := float64(r.hi-r.lo) * float64(r.hi-r.lo)
		sw += w
		sb += w * r.b
	}
	if sw == 0 {
		for _, r := range rs.v {
			w := float64(r.hi-r.lo) * float64(r.hi-r.lo)
			sw += w
			sb -= w * r.b // x = a + b·y turns the other way
		}
	}
	skew := sb / sw
	rs.skew = skew
	for _, list := range [][]ruling{rs.h, rs.v} {
		for i := range list {
			r := &list[i]
			r.b = skew
			if r.vertical {
				r.b = -skew
			}
			r.a = r.cc - r.b*r.tc
		}
	}
}

// Flags of a pixel in findRulings.
const (
	pixDark   = 1 << iota // darker than the threshold
	pixThinV              // dark, in a vertical run at most thick
	pixThinH              // dark, in a horizontal run at most thick
	pixBandH              // near a horizontal ruling
	pixBandV              // near a vertical ruling
	pixErased             // erased
)

// rulingBands sets flag on the pixels within thick/2+2 of the rulings rs
// (and as far beyond their ends), where their ink lies.
func rulingBands(px []uint8, rs []ruling, w, h, thick int, flag uint8) {
	hw := thick/2 + 2
	for _, r := range rs {
		lines, length := h, w // horizontal: t is x, c is y
		if r.vertical {
			lines, length = w, h
		}
		for t := max(0, r.lo-hw); t < min(length, r.hi+hw); t++ {
			c := int(math.Round(r.at(float64(t))))
			for cc := max(0, c-hw); cc <= min(lines-1, c+hw); cc++ {
				if r.vertical {
					px[t*w+cc] |= flag
				} else {
					px[cc*w+t] |= flag
				}
			}
		}
	}
}

// otsu returns Otsu's threshold of the grey levels pix (dark is below
// it) and the level of the paper, the median of the lighter pixels; for
// a page that is mostly dark, paper is not above the threshold.
func otsu(pix []uint8) (thr, paper uint8) {
	var hist [256]int
	for _, p := range pix {
		hist[p]++
	}
	defer func() {
		// The median of the light pixels, if they are the majority.
		n := 0
		for t := int(thr); t < 256; t++ {
			n += hist[t]
		}
		if n < len(pix)/2 {
			paper = 0
			return
		}
		half := 0
		for t := int(thr); t < 256; t++ {
			if half += hist[t]; 2*half >= n {
				paper = uint8(t)
				return
			}
		}
	}()
	total := float64(len(pix))
	var sum float64
	for i, h := range hist {
		sum += float64(i * h)
	}
	var sumB, wB float64
	best, th := -1.0, 128
	for t := range 256 {
		wB += float64(hist[t])
		if wB == 0 {
			continue
		}
		wF := total - wB
		if wF == 0 {
			break
		}
		sumB += float64(t * hist[t])
		mB, mF := sumB/wB, (sum-sumB)/wF
		if v := wB * wF * (mB - mF) * (mB - mF); v > best {
			best, th = v, t+1
		}
	}
	return uint8(min(th, 255)), 0
}

// thinRuns flags the dark pixels whose dark run across the given
// direction is at most thick: with across set, runs along rows
// (horizontal extent, pixThinH), else along columns (vertical extent,
// pixThinV).
func thinRuns(px []uint8, w, h int, across bool, thick int) {
	flag := uint8(pixThinH)
	lines, length := h, w
	idx := func(line, k int) int { return line*w + k }
	if !across {
		lines, length = w, h
		idx = func(line, k int) int { return k*w + line }
		flag = pixThinV
	}
	for l := range lines {
		for k := 0; k < length; {
			if px[idx(l, k)]&pixDark == 0 {
				k++
				continue
			}
			e := k
			for e < length && px[idx(l, e)]&pixDark != 0 {
				e++
			}
			if e-k <= thick {
				for j := k; j < e; j++ {
					px[idx(l, j)] |= flag
				}
			}
			k = e
		}
	}
}

// run is a stretch of ruling pixels on one row (horizontal rulings) or
// column (vertical ones): at cross coordinate c, from lo to hi
// exclusive.
type run struct{ c, lo, hi int }

// scanRuns finds, on each row (vertical unset) or column, the runs of
// at least minLen pixels that are thin, or thin one row or column to
// either side (the slant of a tilted scan), with gaps of at most gap
// white pixels or 2·thick+gap dark ones (where a ruling crosses, or a
// character touches it), nine tenths of them thin. Pixels are thin
// across the scan when flagged pixThinV (rows) or pixThinH (columns).
// state, as long as px, is scratch space.
func scanRuns(px, state []uint8, w, h int, vertical bool, minLen, gap, thick int) []run {
	// state holds, line by line along the scan, 2 for a pixel that is
	// thin or has a thin neighbour across the scan, 1 for a dark one,
	// 0 for white.
	lines, length := h, w
	thin := uint8(pixThinV)
	if vertical {
		lines, length = w, h
		thin = pixThinH
	}
	clear(state)
	for y := range h {
		for x := range w {
			f := px[y*w+x]
			var v uint8
			if f&pixDark != 0 {
				v = 1
			}
			if f&thin != 0 {
				v = 2
			}
			if v == 0 {
				continue
			}
			if vertical {
				// Column x, position y; the neighbours across are the
				// columns x-1 and x+1.
				for l := max(0, x-1); l <= min(w-1, x+1); l++ {
					if j := l*length + y; state[j] < v {
						state[j] = v
					}
				}
				continue
			}
			for l := max(0, y-1); l <= min(h-1, y+1); l++ {
				if j := l*length + x; state[j] < v {
					state[j] = v
				}
			}
		}
	}
	bridge := 2*thick + gap
	var runs []run
	for l := range lines {
		line := state[l*length : (l+1)*length]
		for k := 0; k < length; {
			if line[k] != 2 {
				k++
				continue
			}
			start, last, count := k, k, 1
			darkSince := -1 // start of the current stretch of dark pixels
		scan:
			for k++; k < length; k++ {
				switch line[k] {
				case 2:
					last, darkSince = k, -1
					count++
				case 1:
					if darkSince < 0 {
						darkSince = k
					}
					if k-darkSince >= bridge {
						break scan
					}
				default:
					if k-last > gap {
						break scan
					}
				}
			}
			end := last + 1
			k = end
			if end-start < minLen || count*10 < (end-start)*9 {
				continue
			}
			runs = append(runs, run{c: l, lo: start, hi: end})
		}
	}
	return runs
}

// joinRuns joins the runs of neighbouring rows (or columns) that
// overlap into rulings, and fits each a straight line; rulings shorter
// than minLen are dropped. runs are sorted by c.
func joinRuns(runs []run, vertical bool, minLen int) []ruling {
	parent := make([]int, len(runs))
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
	// Runs of the last three rows, to link with.
	start := 0
	for i, r := range runs {
		for start < i && runs[start].c < r.c-2 {
			start++
		}
		for j := start; j < i; j++ {
			o := runs[j]
			if o.c < r.c && o.lo < r.hi && r.lo < o.hi {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]run{}
	var order []int
	for i, r := range runs {
		p := find(i)
		if _, ok := groups[p]; !ok {
			order = append(order, p)
		}
		groups[p] = append(groups[p], r)
	}
	var out []ruling
	for _, p := range order {
		g := groups[p]
		lo, hi := g[0].lo, g[0].hi
		// Least squares of c over the middle of each run, weighted by
		// its length.
		var sw, st, sc, stt, stc float64
		for _, r := range g {
			lo, hi = min(lo, r.lo), max(hi, r.hi)
			wt := float64(r.hi - r.lo)
			t := float64(r.lo+r.hi) / 2
			c := float64(r.c)
			sw += wt
			st += wt * t
			sc += wt * c
			stt += wt * t * t
			stc += wt * t * c
		}
		if hi-lo < minLen {
			continue
		}
		b := 0.0
		if d := sw*stt - st*st; math.Abs(d) > 1e-9 {
			b = (sw*stc - st*sc) / d
		}
		if math.Abs(b) > 0.05 { // more than 3°: not a ruling of this page
			b = 0
		}
		tc, cc := st/sw, sc/sw
		out = append(out, ruling{vertical: vertical, a: cc - b*tc, b: b, lo: lo, hi: hi, tc: tc, cc: cc})
	}
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
