package grid

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// Thresholds of stream tables, relative to the line height h (the
// median height of word boxes) or to the page's median word gap.
const (
	// chunkGapH and chunkGapSpace: a gap between two words of a line
	// cuts it into chunks when it exceeds both chunkGapH×h and
	// chunkGapSpace × the median word gap.
	chunkGapH     = 0.45
	chunkGapSpace = 2.5
	// maxLineGapH is the widest vertical gap, in line heights, between
	// two lines of one table.
	maxLineGapH = 2.2
	// maxHeaderLines is the most lines a header may wrap over.
	maxHeaderLines = 4
	// maxNarrowRun is the most consecutive lines of one chunk a region
	// may hold (wrapped cells).
	maxNarrowRun = 4
)

// streamLine is a line of words with its chunks and its cells once the
// region's columns are known.
type streamLine struct {
	*lineOf
	chunks [][2]int // word ranges [i, j) of l.words
	cols   [][]int  // words per column
	cross  bool     // a chunk runs across a gutter
	key    bool     // anchors a row
}

// chunkX returns the x range of chunk k.
func (s *streamLine) chunkX(p *Page, k int) (float64, float64) {
	c := s.chunks[k]
	x0 := p.Words[s.words[c[0]]].Box.X
	last := p.Words[s.words[c[1]-1]].Box
	return x0, last.X + last.W
}

// chunkText returns the text of chunk k.
func (s *streamLine) chunkText(p *Page, k int) string {
	c := s.chunks[k]
	var b strings.Builder
	for i := c[0]; i < c[1]; i++ {
		if i > c[0] {
			b.WriteByte(' ')
		}
		b.WriteString(p.Words[s.words[i]].Text)
	}
	return b.String()
}

// findStream finds tables without (full) rules among the words not yet
// used, marks their words used and returns them.
func findStream(p *Page, used []bool, opt Options) []Table {
	var free []int
	for i := range p.Words {
		if !used[i] && strings.TrimSpace(p.Words[i].Text) != "" {
			free = append(free, i)
		}
	}
	if len(free) < 4 {
		return nil
	}
	ls := groupLines(p, free)
	gap := chunkGap(p, ls)
	lines := make([]*streamLine, len(ls))
	for i, l := range ls {
		lines[i] = &streamLine{lineOf: l}
		lines[i].chunks = chunksOf(p, l, gap)
	}
	rules := normRules(p.Rules)
	frames := findFrames(rules)
	var out []Table
	taken := make([]bool, len(lines))
	// Framed regions first: every line inside the frame belongs to it.
	for _, f := range frames {
		var idx []int
		for i, l := range lines {
			cy := (l.top + l.bot) / 2
			if !taken[i] && cy > f.Y && cy < f.Y+f.H && l.x0 >= f.X-ruleTol && l.x1 <= f.X+f.W+ruleTol {
				idx = append(idx, i)
			}
		}
		if len(idx) < 2 || idx[len(idx)-1]-idx[0] != len(idx)-1 {
			continue
		}
		reg := region{p: p, lines: lines[idx[0] : idx[len(idx)-1]+1], framed: true, frame: f, rules: rules}
		reg.caption = captionAbove(p, lines, idx[0])
		if t, n, ok := reg.analyze(opt.Prev != nil && idx[0] == 0 && prevFits(opt.Prev)); ok && n == len(idx) {
			out = append(out, t)
			for _, i := range idx {
				taken[i] = true
			}
		}
	}
	for i := 0; i < len(lines); {
		if taken[i] || len(lines[i].chunks) < 2 {
			i++
			continue
		}
		end := growRegion(lines, taken, i)
		reg := region{p: p, lines: lines[i:end], rules: rules, caption: captionAbove(p, lines, i)}
		atTop := opt.Prev != nil && i == 0 && prevFits(opt.Prev)
		t, n, ok := reg.analyze(atTop)
		if !ok {
			i++
			continue
		}
		if atTop && t.Cols != opt.Prev.Cols && !reg.hasHeader && !reg.caption {
			i++
			continue
		}
		out = append(out, t)
		for k := i; k < i+n; k++ {
			taken[k] = true
		}
		i += n
	}
	for _, t := range out {
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, w := range c.Words {
					used[w] = true
				}
			}
		}
	}
	return out
}

// prevFits reports whether a table the previous page ended with can be
// continued.
func prevFits(t *Table) bool { return t != nil && t.Cols >= 2 }

// chunkGap is the gap between words that cuts a line into chunks, in
// points: chunkGapSpace times the median word space (a gap under half a
// line height between two words of a line); chunksOf makes it at least
// chunkGapH line heights.
func chunkGap(p *Page, ls []*lineOf) float64 {
	// Word spaces are narrower than half a line height; gaps between
	// columns, which may be most of the gaps on a page of tables, are
	// left out.
	var gaps []float64
	for _, l := range ls {
		for k := 1; k < len(l.words); k++ {
			a, b := p.Words[l.words[k-1]].Box, p.Words[l.words[k]].Box
			if g := b.X - (a.X + a.W); g > 0 && g < 0.5*l.h {
				gaps = append(gaps, g)
			}
		}
	}
	if len(gaps) == 0 {
		return 0
	}
	sort.Float64s(gaps)
	return chunkGapSpace * gaps[len(gaps)/2]
}

// chunksOf cuts line l at gaps wider than gap and chunkGapH line
// heights.
func chunksOf(p *Page, l *lineOf, gap float64) [][2]int {
	min := math.Max(gap, chunkGapH*l.h)
	var out [][2]int
	start := 0
	for k := 1; k < len(l.words); k++ {
		a, b := p.Words[l.words[k-1]].Box, p.Words[l.words[k]].Box
		if b.X-(a.X+a.W) > min {
			out = append(out, [2]int{start, k})
			start = k
		}
	}
	return append(out, [2]int{start, len(l.words)})
}

// growRegion returns the end (exclusive) of the candidate region that
// starts at line i, which has two chunks or more: following lines with
// two chunks or more, and runs of up to maxNarrowRun one-chunk lines
// narrower than the region between them, while the vertical gaps stay
// small. The region ends at its last line with two chunks or more, but
// for one-chunk lines right after it that lie inside the region's
// extent.
func growRegion(lines []*streamLine, taken []bool, i int) int {
	x0, x1 := lines[i].x0, lines[i].x1
	lastTab := i
	narrow := 0
	j := i + 1
	for ; j < len(lines) && !taken[j]; j++ {
		l, prev := lines[j], lines[j-1]
		if l.top-prev.bot > maxLineGapH*math.Max(l.h, prev.h) {
			break
		}
		if len(l.chunks) >= 2 {
			lastTab, narrow = j, 0
			x0, x1 = math.Min(x0, l.x0), math.Max(x1, l.x1)
			continue
		}
		narrow++
		if narrow > maxNarrowRun || l.x1-l.x0 > 0.6*(x1-x0) || l.x0 < x0-l.h || l.x1 > x1+l.h {
			break
		}
	}
	// One-chunk lines after the last tabular line continue its row if
	// they lie inside the region.
	end := lastTab + 1
	for end < j && end-lastTab <= maxNarrowRun {
		end++
	}
	return end
}

var captionRE = regexp.MustCompile(`(?i)^\s*(?:bảng|biểu|table|đơn vị tính|đvt|\(?đơn vị)`)

// captionAbove reports whether one of the two lines above line i is a
// table caption ("Bảng 1", "Biểu 2", "Đơn vị tính: …") close to it.
func captionAbove(p *Page, lines []*streamLine, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if lines[i].top-lines[k].bot > 3*lines[i].h {
			return false
		}
		var b strings.Builder
		for _, w := range lines[k].words {
			b.WriteString(p.Words[w].Text)
			b.WriteByte(' ')
		}
		if captionRE.MatchString(b.String()) {
			return true
		}
	}
	return false
}

// findFrames returns the boxes of groups of rules that make a closed
// rectangle without inner vertical rules (an outer frame): the tables
// with only some rules.
func findFrames(rules []Rule) []boxF {
	var out []boxF
	for _, g := range connected(rules) {
		l, r, t, b := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, s := range g {
			l, r = math.Min(l, s.X0), math.Max(r, s.X1)
			t, b = math.Min(t, s.Y0), math.Max(b, s.Y1)
		}
		if r-l < 40 || b-t < 20 {
			continue
		}
		var left, right, top, bottom, inner bool
		for _, s := range g {
			switch {
			case s.vertical() && math.Abs(s.X0-l) <= ruleTol && s.Y1-s.Y0 >= 0.8*(b-t):
				left = true
			case s.vertical() && math.Abs(s.X0-r) <= ruleTol && s.Y1-s.Y0 >= 0.8*(b-t):
				right = true
			case s.vertical():
				inner = true
			case math.Abs(s.Y0-t) <= ruleTol && s.X1-s.X0 >= 0.8*(r-l):
				top = true
			case math.Abs(s.Y0-b) <= ruleTol && s.X1-s.X0 >= 0.8*(r-l):
				bottom = true
			}
		}
		if left && right && top && bottom && !inner {
			out = append(out, boxF{l, t, r - l, b - t})
		}
	}
	return out
}

// boxF is a rectangle: X, Y top-left, W, H.
type boxF struct{ X, Y, W, H float64 }

// region is a candidate table: consecutive lines of a page.
type region struct {
	p         *Page
	lines     []*streamLine
	rules     []Rule
	caption   bool
	framed    bool
	frame     boxF
	hasHeader bool
	bounds    []float64 // column boundaries: len(cols)+1 x values
}

var (
	numRE = regexp.MustCompile(`^[(]?[-+]?\d[\d.,]*\s?%?[)]?[;,.]?$|^[-–—xX]$`)
	sttRE = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ][).]?|[A-Z][).]|\(\d{1,3}\))$`)
)

// isNumber reports whether s is a figure of a numeric column ("1.058",
// "45,5 %", "-", "x").
func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && numRE.MatchString(s) && strings.ContainsAny(s, "0123456789-–—xX")
}

// isSerial reports whether s is a serial number ("1", "II", "a", "1.2").
func isSerial(s string) bool { return sttRE.MatchString(strings.TrimSpace(s)) }

// analyze reads the region as a table. It returns the table and how
// many of the region's lines (from the first) it took; ok is false if
// the region is not a table. cont says the region may continue the
// previous page's table without a header.
func (reg *region) analyze(cont bool) (Table, int, bool) {
	p := reg.p
	// Body lines: two chunks or more, one of them a number.
	var body []*streamLine
	for _, l := range reg.lines {
		if len(l.chunks) < 2 {
			continue
		}
		for k := range l.chunks {
			if isNumber(l.chunkText(p, k)) {
				body = append(body, l)
				break
			}
		}
	}
	if len(body) < 2 {
		// No numbers: a serial-number table; its columns come from
		// every line of two chunks or more.
		body = body[:0]
		for _, l := range reg.lines {
			if len(l.chunks) >= 2 {
				body = append(body, l)
			}
		}
	}
	if len(body) < 2 {
		return Table{}, 0, false
	}
	cols := columns(p, body)
	if len(cols) < 2 {
		return Table{}, 0, false
	}
	reg.bounds = make([]float64, len(cols)+1)
	reg.bounds[0] = math.Inf(-1)
	reg.bounds[len(cols)] = math.Inf(1)
	for c := 1; c < len(cols); c++ {
		reg.bounds[c] = (cols[c-1][1] + cols[c][0]) / 2
	}
	nc := len(cols)
	for _, l := range reg.lines {
		l.cols = make([][]int, nc)
		for _, w := range l.words {
			b := p.Words[w].Box
			c := reg.colAt(b.X + b.W/2)
			l.cols[c] = append(l.cols[c], w)
		}
		l.cross = false
		for k := range l.chunks {
			x0, x1 := l.chunkX(p, k)
			for c := 1; c < nc; c++ {
				if x0 < reg.bounds[c]-1 && x1 > reg.bounds[c]+1 {
					l.cross = true
				}
			}
		}
	}
	// Numeric columns and the serial-number column.
	numeric := make([]bool, nc)
	for c := 0; c < nc; c++ {
		n, num := 0, 0
		for _, l := range reg.lines {
			if len(l.cols[c]) == 0 {
				continue
			}
			n++
			if isNumber(reg.text(l.cols[c])) {
				num++
			}
		}
		numeric[c] = num >= 2 && num*2 >= n
	}
	serial := false
	{
		n, s := 0, 0
		for _, l := range reg.lines {
			if len(l.cols[0]) == 0 {
				continue
			}
			n++
			if isSerial(reg.text(l.cols[0])) {
				s++
			}
		}
		serial = s >= 2 && s*2 >= n
	}
	if serial {
		numeric[0] = false
	}
	anyNum := false
	for _, v := range numeric {
		anyNum = anyNum || v
	}
	if !anyNum && !serial {
		return Table{}, 0, false
	}
	first := -1
	for i, l := range reg.lines {
		l.key = false
		if serial && len(l.cols[0]) > 0 && isSerial(reg.text(l.cols[0])) && nonEmpty(l.cols) >= 2 {
			l.key = true
		}
		for c := 0; c < nc && !l.key; c++ {
			if numeric[c] && len(l.cols[c]) > 0 && isNumber(reg.text(l.cols[c])) {
				l.key = true
			}
		}
		if l.key && first < 0 {
			first = i
		}
	}
	if first < 0 {
		return Table{}, 0, false
	}
	// A rule across the region under its first lines ends the header,
	// even where the lines above it hold numbers ("(1) (2) (3)").
	k := reg.headerRule()
	if k > 0 {
		for _, l := range reg.lines[:k] {
			l.key = false
		}
		if first < k {
			first = k
			for first < len(reg.lines) && !reg.lines[first].key {
				first++
			}
			if first == len(reg.lines) {
				return Table{}, 0, false
			}
		}
	}
	start := 0
	if first > maxHeaderLines {
		start = first - maxHeaderLines
	}
	// The table ends before a line that is not anchored and runs across
	// a gutter over half the table's width: running text.
	end := len(reg.lines)
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, l := range body {
		x0, x1 = math.Min(x0, l.x0), math.Max(x1, l.x1)
	}
	for i := first + 1; i < len(reg.lines); i++ {
		l := reg.lines[i]
		if !l.key && !reg.framed && (l.cross && l.x1-l.x0 > 0.5*(x1-x0) || len(l.chunks) == 1 && (l.x0 < x0-l.h || l.x1 > x1+l.h)) {
			end = i
			break
		}
	}
	// Header lines: before the first anchored line, or above the header
	// rule, or those of them set in bold when the others are not; the
	// lines between the header and the first anchored line continue a
	// row the page break split. Header lines must not run across the
	// page like text.
	head := reg.lines[start:first]
	var pre []*streamLine
	switch {
	case k > 0:
		head, pre = reg.lines[:k], reg.lines[k:first]
	default:
		b := 0
		for b < len(head) && reg.bold(head[b]) {
			b++
		}
		if b > 0 && b < len(head) {
			head, pre = head[:b], head[b:]
		}
	}
	for len(head) > 0 && !reg.framed && head[0].cross && len(head[0].chunks) == 1 && head[0].x1-head[0].x0 > 0.8*(x1-x0) {
		head = head[1:]
		start++
	}
	reg.hasHeader = len(head) > 0
	keys := 0
	for _, l := range reg.lines[first:end] {
		if l.key {
			keys++
		}
	}
	if keys < 2 && !(keys == 1 && (reg.framed || cont)) {
		return Table{}, 0, false
	}
	if !(reg.hasHeader || reg.caption || reg.framed || cont) {
		return Table{}, 0, false
	}
	// A two-column region of text with a number: a key–value list, not a
	// table, unless a header or caption says otherwise.
	t := Table{Cols: nc}
	if len(head) > 0 {
		row := reg.row(head)
		row.Header = true
		t.Rows = append(t.Rows, row)
	}
	if len(pre) > 0 {
		t.Rows = append(t.Rows, reg.row(pre))
	}
	var cur []*streamLine
	for _, l := range reg.lines[first:end] {
		if l.key && len(cur) > 0 {
			t.Rows = append(t.Rows, reg.row(cur))
			cur = cur[:0]
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		t.Rows = append(t.Rows, reg.row(cur))
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			t.Box = t.Box.Union(c.Box)
		}
	}
	if reg.framed {
		t.Box = boxOf(reg.frame.X, reg.frame.Y, reg.frame.X+reg.frame.W, reg.frame.Y+reg.frame.H)
	}
	t.Box = round(t.Box)
	if start > 0 {
		// Lines above the header are not the table's: the caller
		// cannot take lines from the middle of a region, so the
		// region is rejected and tried again from a later line.
		return Table{}, 0, false
	}
	return t, end, true
}

// headerRule returns the number of lines above a horizontal rule that
// runs across the region's body under its first maxHeaderLines lines,
// or 0.
func (reg *region) headerRule() int {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, l := range reg.lines {
		x0, x1 = math.Min(x0, l.x0), math.Max(x1, l.x1)
	}
	for _, r := range reg.rules {
		if !r.horizontal() || r.X1-r.X0 < 0.7*(x1-x0) || r.X0 > x0+0.2*(x1-x0) || r.X1 < x1-0.2*(x1-x0) {
			continue
		}
		for k := 1; k <= maxHeaderLines && k < len(reg.lines); k++ {
			if r.Y0 >= (reg.lines[k-1].top+reg.lines[k-1].bot)/2 && r.Y0 <= (reg.lines[k].top+reg.lines[k].bot)/2 {
				return k
			}
		}
	}
	return 0
}

// bold reports whether every word of line l is bold.
func (reg *region) bold(l *streamLine) bool {
	for _, w := range l.words {
		if !reg.p.Words[w].Bold {
			return false
		}
	}
	return true
}

// colAt returns the column that x falls in.
func (reg *region) colAt(x float64) int {
	c := sort.SearchFloat64s(reg.bounds, x) - 1
	return min(max(c, 0), len(reg.bounds)-2)
}

// text joins the texts of words.
func (reg *region) text(ws []int) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(reg.p.Words[w].Text)
	}
	return b.String()
}

// row builds one table row from lines: each column's words, line by
// line.
func (reg *region) row(lines []*streamLine) Row {
	nc := len(reg.bounds) - 1
	var r Row
	for c := 0; c < nc; c++ {
		var ls [][]int
		for _, l := range lines {
			if len(l.cols[c]) > 0 {
				ls = append(ls, l.cols[c])
			}
		}
		r.Cells = append(r.Cells, cellOf(reg.p, ls, 1))
	}
	return r
}

// nonEmpty counts the non-empty columns.
func nonEmpty(cols [][]int) int {
	n := 0
	for _, c := range cols {
		if len(c) > 0 {
			n++
		}
	}
	return n
}

// columns finds the columns of a region from its body lines: the x
// ranges of the chunks of the lines with the most chunks (that at least
// two lines or two fifths of them share), merged where they overlap,
// then the chunks of the other lines that overlap no column.
func columns(p *Page, body []*streamLine) [][2]float64 {
	count := map[int]int{}
	for _, l := range body {
		count[len(l.chunks)]++
	}
	k := 0
	for n, c := range count {
		if (c >= 2 || c*5 >= 2*len(body)) && n > k {
			k = n
		}
	}
	if k < 2 {
		return nil
	}
	var iv [][2]float64
	for _, l := range body {
		if len(l.chunks) == k {
			for c := range l.chunks {
				x0, x1 := l.chunkX(p, c)
				iv = append(iv, [2]float64{x0, x1})
			}
		}
	}
	cols := mergeIntervals(iv)
	for _, l := range body {
		if len(l.chunks) == k {
			continue
		}
		for c := range l.chunks {
			x0, x1 := l.chunkX(p, c)
			free := true
			for _, col := range cols {
				if x0 < col[1] && x1 > col[0] {
					free = false
					break
				}
			}
			if free {
				cols = mergeIntervals(append(cols, [2]float64{x0, x1}))
			}
		}
	}
	return cols
}

// mergeIntervals sorts x ranges and merges those that overlap.
func mergeIntervals(iv [][2]float64) [][2]float64 {
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var out [][2]float64
	for _, v := range iv {
		if n := len(out); n > 0 && v[0] < out[n-1][1] {
			out[n-1][1] = math.Max(out[n-1][1], v[1])
			continue
		}
		out = append(out, v)
	}
	return out
}
