package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cluster is a set of glyphs sharing a baseline.
type cluster struct {
	y, size    float64
	x0, x1     float64
	members    []glyph
	maxSize    float64
	hasVisible bool
}

// ref is a footnote reference found in a line: the marker digits and
// the byte offset in the line text where the marker stood.
type ref struct {
	ID  string
	Off int
}

// tline is one physical line rebuilt from glyphs.
type tline struct {
	Page   int
	Y      float64 // baseline of the body glyphs
	Size   float64 // dominant font size
	X0, X1 float64
	Font   string // dominant font name
	Text   string
	Refs   []ref
	// SupLead is set when the line starts with a superscript marker
	// (a footnote body's number); it is then Refs[0].
	SupLead bool
	Num     int // line number on the page, set late
	glyphs  []glyph
}

// buildLines groups glyphs into lines: by baseline, superscripts
// attached to the line they belong to, glyphs sorted by X, and a line
// split where a gap wider than splitGap font sizes opens (0: never).
func buildLines(pageNum int, gs []glyph, splitGap float64) []*tline {
	if len(gs) == 0 {
		return nil
	}
	idx := make([]int, len(gs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ga, gb := &gs[idx[a]], &gs[idx[b]]
		if ga.Y != gb.Y {
			return ga.Y > gb.Y
		}
		return ga.X < gb.X
	})
	var cl []*cluster
	for _, i := range idx {
		g := gs[i]
		if !(g.Size > 0) || math.IsInf(g.Size, 0) || math.IsNaN(g.X) || math.IsNaN(g.Y) {
			continue
		}
		var c *cluster
		if n := len(cl); n > 0 {
			last := cl[n-1]
			tol := 0.25 * math.Max(last.maxSize, g.Size)
			if math.Abs(last.y-g.Y) <= tol {
				c = last
			}
		}
		if c == nil {
			c = &cluster{y: g.Y, x0: g.X, x1: g.X + g.W}
			cl = append(cl, c)
		}
		c.members = append(c.members, g)
		c.maxSize = math.Max(c.maxSize, g.Size)
		c.x0 = math.Min(c.x0, g.X)
		c.x1 = math.Max(c.x1, g.X+g.W)
		if strings.TrimSpace(g.S) != "" {
			c.hasVisible = true
		}
	}
	// Attach superscripts: glyphs of a cluster in a markedly smaller
	// font, raised above the baseline of a nearby bigger cluster and
	// within its horizontal extent.
	maxSize := 0.0
	for _, c := range cl {
		c.size = dominantSize(c.members)
		maxSize = math.Max(maxSize, c.maxSize)
	}
	for ci, c := range cl {
		if len(c.members) == 0 || c.hasVisible && visibleCount(c.members) > 3*maxSupRun {
			continue
		}
		// Clusters are sorted by falling baseline: the candidates for
		// the line below are the next few.
		end := ci + 1
		for end < len(cl) && c.y-cl[end].y <= 0.6*maxSize {
			end++
		}
		sort.SliceStable(c.members, func(a, b int) bool { return c.members[a].X < c.members[b].X })
		var keep []glyph
		for _, run := range splitAtGaps(c.members, 1) {
			if m := supTarget(cl[ci+1:end], c, run); m != nil {
				for _, g := range run {
					g.sup = true
					m.members = append(m.members, g)
				}
				continue
			}
			keep = append(keep, run...)
		}
		c.members = keep
	}
	var out []*tline
	for _, c := range cl {
		if len(c.members) == 0 {
			continue
		}
		sort.SliceStable(c.members, func(a, b int) bool { return c.members[a].X < c.members[b].X })
		parts := [][]glyph{c.members}
		if splitGap > 0 {
			parts = splitAtGaps(c.members, splitGap)
		}
		for _, p := range parts {
			if l := makeLine(pageNum, c.y, p); l != nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// maxSupRun is the longest run of glyphs taken for a superscript.
const maxSupRun = 6

// visibleCount counts the glyphs that are not white space.
func visibleCount(gs []glyph) int {
	n := 0
	for _, g := range gs {
		if strings.TrimSpace(g.S) != "" {
			n++
		}
	}
	return n
}

// supTarget returns the line cluster that run, a short run of glyphs of
// cluster c, is a superscript of: a cluster in a font markedly bigger,
// whose baseline lies a little below the run's, with a glyph ending
// just before the run or starting just after it. It returns nil if
// there is none.
func supTarget(cl []*cluster, c *cluster, run []glyph) *cluster {
	n := visibleCount(run)
	if n == 0 || n > maxSupRun {
		return nil
	}
	x0, x1 := run[0].X, run[len(run)-1].X+run[len(run)-1].W
	size := 0.0
	for _, g := range run {
		size = math.Max(size, g.Size)
	}
	var best *cluster
	for _, m := range cl {
		if m == c || len(m.members) == 0 || m.size <= 0 || size > 0.78*m.size {
			continue
		}
		rise := c.y - m.y
		if rise < 0.1*m.size || rise > 0.6*m.size {
			continue
		}
		near := false
		for _, g := range m.members {
			if strings.TrimSpace(g.S) == "" {
				continue
			}
			if math.Abs(g.X+g.W-x0) <= 0.6*m.size || math.Abs(x1-g.X) <= 0.6*m.size {
				near = true
				break
			}
		}
		if near && (best == nil || rise < c.y-best.y) {
			best = m
		}
	}
	return best
}

// splitAtGaps splits glyphs sorted by X where the horizontal gap
// between two glyphs exceeds k times the font size.
func splitAtGaps(gs []glyph, k float64) [][]glyph {
	var out [][]glyph
	start := 0
	end := math.Inf(-1)
	for i, g := range gs {
		if strings.TrimSpace(g.S) == "" {
			continue
		}
		if i > start && g.X-end > k*g.Size && !math.IsInf(end, -1) {
			out = append(out, gs[start:i])
			start = i
		}
		end = math.Max(end, g.X+g.W)
	}
	return append(out, gs[start:])
}

// dominantSize is the font size carrying most visible glyphs.
func dominantSize(gs []glyph) float64 {
	count := map[float64]int{}
	countSizes(count, gs)
	return dominantOf(count)
}

// countSizes counts the visible glyphs of gs by font size, rounded to
// half points.
func countSizes(count map[float64]int, gs []glyph) {
	for i := range gs {
		if strings.TrimSpace(gs[i].S) == "" {
			continue
		}
		count[math.Round(gs[i].Size*2)/2]++
	}
}

// dominantOf returns the most frequent size, the larger on a tie.
func dominantOf(count map[float64]int) float64 {
	best, bestN := 0.0, 0
	for s, n := range count {
		if n > bestN || n == bestN && s > best {
			best, bestN = s, n
		}
	}
	return best
}

// makeLine turns glyphs of one line, sorted by X, into text. Spaces
// come from space glyphs or from gaps wider than a fraction of the font
// size. Runs of superscript digits become footnote references.
func makeLine(pageNum int, y float64, gs []glyph) *tline {
	l := &tline{Page: pageNum, Y: y, glyphs: gs}
	var body []glyph
	for _, g := range gs {
		if !g.sup {
			body = append(body, g)
		}
	}
	l.Size = dominantSize(body)
	if l.Size == 0 {
		l.Size = dominantSize(gs)
	}
	fonts := map[string]int{}
	var b strings.Builder
	pending := false
	prevEnd := math.Inf(-1)
	first := true
	l.X0, l.X1 = math.Inf(1), math.Inf(-1)
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if g.sup {
			j := i
			var run strings.Builder
			for j < len(gs) && gs[j].sup {
				run.WriteString(gs[j].S)
				j++
			}
			end := gs[j-1].X + gs[j-1].W
			if id, ok := markerID(run.String()); ok {
				if b.Len() == 0 {
					l.SupLead = true
				}
				l.Refs = append(l.Refs, ref{ID: id, Off: b.Len()})
			} else if t := strings.TrimSpace(run.String()); t != "" {
				if pending && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t)
				pending = false
				l.X0 = math.Min(l.X0, g.X)
				l.X1 = math.Max(l.X1, end)
			}
			prevEnd = math.Max(prevEnd, end)
			i = j - 1
			continue
		}
		if strings.TrimSpace(g.S) == "" {
			pending = true
			prevEnd = math.Max(prevEnd, g.X+g.W)
			continue
		}
		if !first {
			gap := g.X - prevEnd
			if gap > 0.18*g.Size {
				pending = true
			}
		}
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteString(g.S)
		fonts[g.Font] += len(g.S)
		first = false
		prevEnd = g.X + g.W
		l.X0 = math.Min(l.X0, g.X)
		l.X1 = math.Max(l.X1, g.X+g.W)
	}
	l.Text = norm.NFC.String(strings.TrimRightFunc(b.String(), unicode.IsSpace))
	if l.Text == "" && len(l.Refs) == 0 {
		return nil
	}
	if math.IsInf(l.X0, 1) {
		l.X0, l.X1 = gs[0].X, gs[len(gs)-1].X+gs[len(gs)-1].W
	}
	n := 0
	for f, c := range fonts {
		if c > n || c == n && f < l.Font {
			l.Font, n = f, c
		}
	}
	return l
}

// markerID reports whether s is a footnote marker: digits, optionally
// in parentheses (ASCII or superscript), and returns the digits.
func markerID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "("), "⁽")
	s = strings.TrimSuffix(strings.TrimSuffix(s, ")"), "⁾")
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 4 {
		return "", false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '⁰' && r <= '⁹' || r == '¹' || r == '²' || r == '³':
			b.WriteRune(fromSuperscript(r))
		case r == '*':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), true
}

// fromSuperscript maps a superscript digit to its ASCII digit.
func fromSuperscript(r rune) rune {
	switch r {
	case '¹':
		return '1'
	case '²':
		return '2'
	case '³':
		return '3'
	}
	return '0' + (r - '⁰')
}

// toSuperscript writes the digits of s as superscript digits, so that
// a marker put back into text cannot glue to a number.
func toSuperscript(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '1':
			b.WriteRune('¹')
		case r == '2':
			b.WriteRune('²')
		case r == '3':
			b.WriteRune('³')
		case r >= '0' && r <= '9':
			b.WriteRune('⁰' + (r - '0'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBold reports whether a font name is a bold face.
func isBold(font string) bool {
	f := strings.ToLower(font)
	return strings.Contains(f, "bold") || strings.Contains(f, "black") || strings.Contains(f, "heavy")
}

// legacyFont reports whether font is a legacy 8-bit Vietnamese font
// whose name normalize uses to pick a decoder.
func legacyFont(font string) bool {
	f := strings.ToLower(font)
	return strings.HasPrefix(f, ".vn") || strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni ") ||
		strings.HasPrefix(f, "vn-") || strings.HasPrefix(f, "vntime") || strings.HasPrefix(f, "vnarial")
}
