package pdf

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/extract"
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
	// Box and Words are the line's box and words on the page.
	Box    extract.Box
	Words  []extract.Word
	bold   []bool // per word: set in a bold face
	glyphs []glyph
}

// buildLines groups glyphs into lines: by baseline, superscripts
// attached to the line they belong to, glyphs sorted by X, and a line
// split where a gap wider than splitGap font sizes opens (0: never).
func buildLines(f frame, gs []glyph, splitGap float64) []*tline {
	if len(gs) == 0 {
		return nil
	}
	// One copy of the glyphs, sorted by falling baseline then X: each
	// cluster is a run of it (capped, so that appending superscripts to
	// a cluster copies it rather than overwrite the next).
	sorted := make([]glyph, 0, len(gs))
	for i := range gs {
		g := &gs[i]
		if !(g.Size > 0) || math.IsInf(g.Size, 0) || math.IsNaN(g.X) || math.IsNaN(g.Y) {
			continue
		}
		sorted = append(sorted, *g)
	}
	slices.SortStableFunc(sorted, func(a, b glyph) int {
		if a.Y != b.Y {
			if a.Y > b.Y {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.X, b.X)
	})
	var cl []cluster
	start := 0
	for i := range sorted {
		g := &sorted[i]
		if n := len(cl); n > 0 {
			last := &cl[n-1]
			if tol := 0.25 * math.Max(last.maxSize, g.Size); math.Abs(last.y-g.Y) <= tol {
				last.members = sorted[start : i+1 : i+1]
				last.maxSize = math.Max(last.maxSize, g.Size)
				last.x0 = math.Min(last.x0, g.X)
				last.x1 = math.Max(last.x1, g.X+g.W)
				last.hasVisible = last.hasVisible || !blank(g.S)
				continue
			}
		}
		start = i
		cl = append(cl, cluster{y: g.Y, x0: g.X, x1: g.X + g.W, members: sorted[i : i+1 : i+1],
			maxSize: g.Size, hasVisible: !blank(g.S)})
	}
	// Attach superscripts: glyphs of a cluster in a markedly smaller
	// font, raised above the baseline of a nearby bigger cluster and
	// within its horizontal extent.
	maxSize := 0.0
	for i := range cl {
		c := &cl[i]
		c.size = dominantSize(c.members, false)
		maxSize = math.Max(maxSize, c.maxSize)
	}
	for ci := range cl {
		c := &cl[ci]
		if len(c.members) == 0 || c.hasVisible && visibleCount(c.members) > 3*maxSupRun {
			continue
		}
		// Clusters are sorted by falling baseline: the candidates for
		// the line below are the next few.
		end := ci + 1
		for end < len(cl) && c.y-cl[end].y <= 0.6*maxSize {
			end++
		}
		slices.SortStableFunc(c.members, byX)
		// Runs taken as superscripts are copied to their line; the
		// rest is compacted in place.
		k := 0
		for _, run := range splitAtGaps(c.members, 1) {
			if m := supTarget(cl[ci+1:end], c, run); m != nil {
				for _, g := range run {
					g.sup = true
					m.members = append(m.members, g)
				}
				continue
			}
			k += copy(c.members[k:], run)
		}
		c.members = c.members[:k:k]
	}
	var out []*tline
	sc := &lineScratch{words: make([]extract.Word, 0, len(sorted)/5+1), bold: make([]bool, 0, len(sorted)/5+1)}
	for i := range cl {
		c := &cl[i]
		if len(c.members) == 0 {
			continue
		}
		slices.SortStableFunc(c.members, byX)
		if splitGap <= 0 {
			if l := makeLine(sc, f, c.y, c.members); l != nil {
				out = append(out, l)
			}
			continue
		}
		for _, p := range splitAtGaps(c.members, splitGap) {
			if l := makeLine(sc, f, c.y, p); l != nil {
				out = append(out, l)
			}
		}
	}
	return out
}

// byX orders glyphs left to right.
func byX(a, b glyph) int { return cmp.Compare(a.X, b.X) }

// maxSupRun is the longest run of glyphs taken for a superscript.
const maxSupRun = 6

// visibleCount counts the glyphs that are not white space.
func visibleCount(gs []glyph) int {
	n := 0
	for _, g := range gs {
		if !blank(g.S) {
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
func supTarget(cl []cluster, c *cluster, run []glyph) *cluster {
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
	for i := range cl {
		m := &cl[i]
		if m == c || len(m.members) == 0 || m.size <= 0 || size > 0.78*m.size {
			continue
		}
		rise := c.y - m.y
		if rise < 0.1*m.size || rise > 0.6*m.size {
			continue
		}
		near := false
		for _, g := range m.members {
			if blank(g.S) {
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
		if blank(g.S) {
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

// dominantSize is the font size carrying most visible glyphs (but
// superscripts when noSup), rounded to half points; the larger on a
// tie.
func dominantSize(gs []glyph, noSup bool) float64 {
	var c sizeCount
	for i := range gs {
		if noSup && gs[i].sup || blank(gs[i].S) {
			continue
		}
		c.add(gs[i].Size, 1)
	}
	return c.dominant()
}

// tally counts things of a line or page. A line uses few fonts and a
// page few sizes: the first eight keys live in arrays, not a map (and
// nothing points into the tally, so it stays on the stack).
type tally[K comparable] struct {
	keys [8]K
	n    [8]int
	used int
	more []tallyEntry[K]
}

// tallyEntry is a key of a tally past the first eight.
type tallyEntry[K comparable] struct {
	k K
	n int
}

// add counts n of k.
func (c *tally[K]) add(k K, n int) {
	for i := 0; i < c.used; i++ {
		if c.keys[i] == k {
			c.n[i] += n
			return
		}
	}
	for i := range c.more {
		if c.more[i].k == k {
			c.more[i].n += n
			return
		}
	}
	if c.used < len(c.keys) {
		c.keys[c.used], c.n[c.used] = k, n
		c.used++
		return
	}
	c.more = append(c.more, tallyEntry[K]{k, n})
}

// most returns the key counted most, on a tie the one first by
// better; the zero K when nothing was counted.
func (c *tally[K]) most(better func(a, b K) bool) K {
	var best K
	bn := 0
	pick := func(k K, n int) {
		if n > bn || n == bn && better(k, best) {
			best, bn = k, n
		}
	}
	for i := 0; i < c.used; i++ {
		pick(c.keys[i], c.n[i])
	}
	for _, e := range c.more {
		pick(e.k, e.n)
	}
	return best
}

// sizeCount counts glyphs by font size rounded to half points.
type sizeCount struct{ t tally[float64] }

// add counts n glyphs of size s.
func (c *sizeCount) add(s float64, n int) { c.t.add(math.Round(s*2)/2, n) }

// dominant returns the most frequent size, the larger on a tie; 0 when
// nothing was counted.
func (c *sizeCount) dominant() float64 { return c.t.most(func(a, b float64) bool { return a > b }) }

// frame places a page's boxes: N is the page number, and X0, Top the
// left and top edges of the page in page space, from which
// [extract.Box]es are measured.
type frame struct {
	N       int
	X0, Top float64
}

// frameOf returns the frame of p.
func frameOf(p *page) frame {
	return frame{N: p.N, X0: p.X0, Top: p.Y0 + p.Height}
}

// box turns a rectangle in page space (x0 < x1, bottom y0 < top y1)
// into an [extract.Box] measured from the page's top-left corner, in
// hundredths of a point.
func (f frame) box(x0, y0, x1, y1 float64) extract.Box {
	return roundBox(extract.Box{X: x0 - f.X0, Y: f.Top - y1, W: x1 - x0, H: y1 - y0})
}

// roundBox rounds b to hundredths of a point.
func roundBox(b extract.Box) extract.Box {
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return extract.Box{X: r(b.X), Y: r(b.Y), W: r(b.W), H: r(b.H)}
}

// rect is a rectangle in page space being grown glyph by glyph; the
// zero rect is empty.
type rect struct {
	x0, y0, x1, y1 float64
	set            bool
}

// add grows r to hold glyph g.
func (r *rect) add(g *glyph) {
	bot, top := g.vspan()
	x1 := g.X + math.Max(g.W, 0)
	if !r.set {
		*r = rect{g.X, bot, x1, top, true}
		return
	}
	r.x0, r.x1 = math.Min(r.x0, g.X), math.Max(r.x1, x1)
	r.y0, r.y1 = math.Min(r.y0, bot), math.Max(r.y1, top)
}

// union grows r to hold s.
func (r *rect) union(s rect) {
	switch {
	case !s.set:
	case !r.set:
		*r = s
	default:
		r.x0, r.x1 = math.Min(r.x0, s.x0), math.Max(r.x1, s.x1)
		r.y0, r.y1 = math.Min(r.y0, s.y0), math.Max(r.y1, s.y1)
	}
}

// lineScratch holds buffers that the lines of a page share: the word
// being built and the words of all lines, each line taking a capped
// slice of it.
type lineScratch struct {
	raw   []byte
	words []extract.Word
	bold  []bool // per word of words: set in a bold face
}

// lineText builds the text of a line and its words. Text is appended
// word by word, each word normalized to NFC on its own: a space never
// composes with what follows it, so the result is the NFC form of the
// whole line and word offsets stay exact.
type lineText struct {
	sc     *lineScratch
	out    strings.Builder // the line's text so far, NFC
	r      rect            // the box of the word being built
	box    rect            // the line's box
	f      frame
	first  int // index in sc.words of the line's first word
	nfcBuf []byte
	light  bool // a glyph of the current word is not bold
}

// write appends s, the text of glyphs that grew r, to the current word.
func (t *lineText) write(s string, r rect, bold bool) {
	t.sc.raw = append(t.sc.raw, s...)
	t.r.union(r)
	t.light = t.light || !bold
}

// space ends the current word; the next word is preceded by a space.
func (t *lineText) space() {
	raw := t.sc.raw
	if len(raw) == 0 {
		return
	}
	if t.out.Len() > 0 {
		t.out.WriteByte(' ')
	}
	start := t.out.Len()
	if norm.NFC.QuickSpan(raw) == len(raw) {
		t.out.Write(raw) // already NFC: no copy through norm
	} else {
		t.nfcBuf = norm.NFC.Append(t.nfcBuf[:0], raw...)
		t.out.Write(t.nfcBuf)
	}
	t.sc.raw = raw[:0]
	// A glyph whose text holds a space splits its word; the pieces
	// share the box.
	text := t.out.String()
	box := t.f.box(t.r.x0, t.r.y0, t.r.x1, t.r.y1)
	for i := start; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' {
			if i > start {
				t.sc.words = append(t.sc.words, extract.Word{Start: start, End: i, Box: box})
				t.sc.bold = append(t.sc.bold, !t.light)
			}
			start = i + 1
		}
	}
	t.box.union(t.r)
	t.r = rect{}
	t.light = false
}

// offset is the byte offset in the final text where the next character
// would go if no space came before it.
func (t *lineText) offset() int {
	raw := t.sc.raw
	if len(raw) == 0 {
		return t.out.Len()
	}
	n := len(norm.NFC.Bytes(raw))
	if t.out.Len() > 0 {
		n++
	}
	return t.out.Len() + n
}

// empty reports whether no text was written yet.
func (t *lineText) empty() bool { return t.out.Len() == 0 && len(t.sc.raw) == 0 }

// makeLine turns glyphs of one line, sorted by X, into text. Spaces
// come from space glyphs or from gaps wider than a fraction of the font
// size. Runs of superscript digits become footnote references.
func makeLine(sc *lineScratch, f frame, y float64, gs []glyph) *tline {
	l := &tline{Page: f.N, Y: y, glyphs: gs}
	l.Size = dominantSize(gs, true)
	if l.Size == 0 {
		l.Size = dominantSize(gs, false)
	}
	var fonts fontCount
	t := lineText{sc: sc, f: f, first: len(sc.words)}
	n := 0
	for i := range gs {
		n += len(gs[i].S) + 1
	}
	t.out.Grow(n)
	sc.raw = sc.raw[:0]
	pending := false
	prevEnd := math.Inf(-1)
	first := true
	// isBold of the last font seen: a line's glyphs mostly share one.
	boldFont, bold := "", isBold("")
	l.X0, l.X1 = math.Inf(1), math.Inf(-1)
	for i := 0; i < len(gs); i++ {
		g := &gs[i]
		if g.sup {
			j := i
			var run strings.Builder
			var r rect
			for j < len(gs) && gs[j].sup {
				run.WriteString(gs[j].S)
				r.add(&gs[j])
				j++
			}
			end := gs[j-1].X + gs[j-1].W
			if id, ok := markerID(run.String()); ok {
				if t.empty() {
					l.SupLead = true
				}
				l.Refs = append(l.Refs, ref{ID: id, Off: t.offset()})
			} else if s := strings.TrimSpace(run.String()); s != "" {
				if pending {
					t.space()
				}
				t.write(s, r, true)
				pending = false
				l.X0 = math.Min(l.X0, g.X)
				l.X1 = math.Max(l.X1, end)
			}
			prevEnd = math.Max(prevEnd, end)
			i = j - 1
			continue
		}
		if blank(g.S) {
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
		if pending {
			t.space()
		}
		pending = false
		var r rect
		r.add(g)
		if g.Font != boldFont {
			boldFont, bold = g.Font, isBold(g.Font)
		}
		t.write(g.S, r, bold)
		fonts.add(g.Font, len(g.S))
		first = false
		prevEnd = g.X + g.W
		l.X0 = math.Min(l.X0, g.X)
		l.X1 = math.Max(l.X1, g.X+g.W)
	}
	t.space()
	// Trailing white space the glyphs' own text carried.
	l.Text = strings.TrimRightFunc(t.out.String(), unicode.IsSpace)
	words := sc.words[t.first:]
	for len(words) > 0 && words[len(words)-1].Start >= len(l.Text) {
		words = words[:len(words)-1]
	}
	if n := len(words); n > 0 && words[n-1].End > len(l.Text) {
		words[n-1].End = len(l.Text)
	}
	sc.words = sc.words[:t.first+len(words)]
	sc.bold = sc.bold[:t.first+len(words)]
	if len(words) > 0 {
		l.Words = words[:len(words):len(words)]
		l.bold = sc.bold[t.first:len(sc.bold):len(sc.bold)]
	}
	if t.box.set {
		l.Box = f.box(t.box.x0, t.box.y0, t.box.x1, t.box.y1)
	}
	if l.Text == "" && len(l.Refs) == 0 {
		sc.words, sc.bold = sc.words[:t.first], sc.bold[:t.first]
		return nil
	}
	if math.IsInf(l.X0, 1) {
		l.X0, l.X1 = gs[0].X, gs[len(gs)-1].X+gs[len(gs)-1].W
	}
	l.Font = fonts.dominant()
	return l
}

// fontCount counts text bytes per font name.
type fontCount struct{ t tally[string] }

// add counts n bytes in font name.
func (c *fontCount) add(name string, n int) { c.t.add(name, n) }

// dominant returns the font with the most bytes, the first by name on
// a tie; "" when none was counted.
func (c *fontCount) dominant() string { return c.t.most(func(a, b string) bool { return a < b }) }

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

// blank reports whether s is empty or only white space, as
// strings.TrimSpace(s) == "" does, without trimming ASCII text.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			continue
		}
		if s[i] >= utf8.RuneSelf {
			return strings.TrimSpace(s[i:]) == ""
		}
		return false
	}
	return true
}

// isBold reports whether a font name is a bold face.
func isBold(font string) bool {
	return containsFold(font, "bold") || containsFold(font, "black") || containsFold(font, "heavy")
}

// containsFold reports whether s contains sub, lower-case ASCII, in any
// case; it allocates nothing (it runs for every glyph).
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// legacyFont reports whether font is a legacy 8-bit Vietnamese font
// whose name normalize uses to pick a decoder.
func legacyFont(font string) bool {
	f := strings.ToLower(font)
	return strings.HasPrefix(f, ".vn") || strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni ") ||
		strings.HasPrefix(f, "vn-") || strings.HasPrefix(f, "vntime") || strings.HasPrefix(f, "vnarial")
}
