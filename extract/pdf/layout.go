package pdf

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/grid"
)

// item is one element of a page's body in reading order: a line or a
// table fragment.
type item struct {
	line  *tline
	table *tableFrag
	y     float64 // top of the element, for ordering
}

// pageLayout is a page after layout analysis.
type pageLayout struct {
	N             int
	Width, Height float64
	items         []item
	notes         []*tline // footnote zone lines, top to bottom
	noText        bool
	// endTable is the table the page ends with, if it ends with one.
	endTable *grid.Table
}

// layout turns interpreted pages into the document's blocks and
// footnotes. It never fails: odd input gives odd text, not a panic.
func layout(pages []*page, doc *extract.Document) {
	bodySize := docBodySize(pages)
	var pls []*pageLayout
	var prev *grid.Table
	for _, p := range pages {
		pl := layoutPage(p, prev)
		pls = append(pls, pl)
		prev = pl.endTable
	}
	removeRunning(pls)
	seen := map[string]bool{}
	for _, pl := range pls {
		for _, it := range pl.items {
			if it.line != nil {
				for _, r := range it.line.Refs {
					seen[r.ID] = true
				}
			}
		}
		findFootnoteZone(pl, bodySize, seen)
		numberLines(pl)
	}
	for _, pl := range pls {
		if pl.noText {
			doc.NoTextPages = append(doc.NoTextPages, pl.N)
		}
	}
	assemble(pls, doc)
}

// docBodySize is the font size carrying most glyphs of the document.
func docBodySize(pages []*page) float64 {
	var c sizeCount
	for _, p := range pages {
		for i := range p.Glyphs {
			if strings.TrimSpace(p.Glyphs[i].S) != "" {
				c.add(p.Glyphs[i].Size, 1)
			}
		}
	}
	return c.dominant()
}

// layoutPage builds lines and table fragments of one page. prev is
// the table the previous page ended with, or nil.
func layoutPage(p *page, prev *grid.Table) *pageLayout {
	pl := &pageLayout{N: p.N, Width: p.Width, Height: p.Height}
	visible, bad := 0, p.Bad
	for _, g := range p.Glyphs {
		if g.S != "\uFFFD" && !blank(g.S) {
			visible++
		}
	}
	if visible == 0 || bad > visible {
		pl.noText = true
		return pl
	}
	f := frameOf(p)
	lines := buildLines(f, p.Glyphs, 4)
	gp, src := gridPage(p, f, lines)
	tables := grid.Find(gp, grid.Options{Prev: prev})
	if len(tables) > 0 {
		// Lines are built again from the glyphs outside the tables.
		var rest []glyph
		for _, g := range p.Glyphs {
			cx, cy := g.X+g.W/2-f.X0, f.Top-(g.Y+g.Size*0.3)
			in := false
			for i := range tables {
				b := tables[i].Box
				if cx >= b.X && cx <= b.X+b.W && cy >= b.Y && cy <= b.Y+b.H {
					in = true
					break
				}
			}
			if !in {
				rest = append(rest, g)
			}
		}
		lines = buildLines(f, rest, 4)
	}
	for _, l := range lines {
		pl.items = append(pl.items, item{line: l, y: l.Y})
	}
	for i := range tables {
		t := fragment(f, &tables[i], src)
		pl.items = append(pl.items, item{table: t, y: t.top})
	}
	sortItems(pl.items)
	for i := len(pl.items) - 1; i >= 0; i-- {
		it := pl.items[i]
		if it.table != nil {
			pl.endTable = it.table.src
			break
		}
		if !pageNumRE.MatchString(it.line.Text) {
			break
		}
	}
	return pl
}

// gridPage returns the words and rules of page p for package grid, and
// the line each word comes from.
func gridPage(p *page, f frame, lines []*tline) (*grid.Page, []*tline) {
	n := 0
	for _, l := range lines {
		n += len(l.Words)
	}
	gp := &grid.Page{Width: p.Width, Height: p.Height, Words: make([]grid.Word, 0, n)}
	src := make([]*tline, 0, n)
	for _, l := range lines {
		for k, w := range l.Words {
			gp.Words = append(gp.Words, grid.Word{Text: l.Text[w.Start:w.End], Box: w.Box, Bold: l.bold[k]})
			src = append(src, l)
		}
	}
	for _, r := range p.Rules {
		gp.Rules = append(gp.Rules, grid.Rule{X0: r.X0 - f.X0, Y0: f.Top - r.Y0, X1: r.X1 - f.X0, Y1: f.Top - r.Y1})
	}
	return gp, src
}

// sortItems orders a page's items top to bottom, then left to right.
func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if math.Abs(a.y-b.y) > 1 {
			return a.y > b.y
		}
		return a.x() < b.x()
	})
}

// x is the left edge of an item.
func (it item) x() float64 {
	if it.line != nil {
		return it.line.X0
	}
	return it.table.left
}

var pageNumRE = regexp.MustCompile(`^(?i)[-–—\s]*(?:trang|page)?\s*\d{1,4}\s*(?:/\s*\d{1,4}|(?:of|trên)\s*\d{1,4})?[-–—\s]*$`)

// removeRunning drops page-number lines at the top or bottom of a page
// and lines repeated at the same place on most pages.
func removeRunning(pls []*pageLayout) {
	type key struct {
		text string
		y    int
	}
	count := map[key]int{}
	keyOf := func(l *tline) key {
		t := strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, l.Text)
		return key{t, int(math.Round(l.Y / 4))}
	}
	textPages := 0
	for _, pl := range pls {
		if pl.noText {
			continue
		}
		textPages++
		seen := map[key]bool{}
		for _, it := range pl.items {
			if it.line != nil && inMargin(pl, it.line, 0.15) {
				k := keyOf(it.line)
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	for _, pl := range pls {
		kept := pl.items[:0]
		var lines []int
		for i, it := range pl.items {
			if it.line != nil {
				lines = append(lines, i)
			}
		}
		for i, it := range pl.items {
			if l := it.line; l != nil {
				edge := len(lines) > 0 && (i == lines[0] || i == lines[len(lines)-1])
				if pageNumRE.MatchString(l.Text) && len(l.Refs) == 0 && (edge || inMargin(pl, l, 0.1)) {
					continue
				}
				if textPages >= 3 && inMargin(pl, l, 0.15) && count[keyOf(l)]*2 > textPages {
					continue
				}
			}
			kept = append(kept, it)
		}
		pl.items = kept
	}
}

// inMargin reports whether l lies in the top or bottom frac of the page.
func inMargin(pl *pageLayout, l *tline, frac float64) bool {
	return l.Y > pl.Height*(1-frac) || l.Y < pl.Height*frac
}

// findFootnoteZone moves the lines of the footnote area at the bottom
// of the page from the body to pl.notes. The area starts below a short
// horizontal rule, or at a run of trailing lines set smaller than the
// body that starts with a footnote marker.
//
// seen holds the reference ids met so far in the body: a line that
// starts with a plain number only starts a footnote if the number is
// one of them.
func findFootnoteZone(pl *pageLayout, bodySize float64, seen map[string]bool) {
	n := len(pl.items)
	if n == 0 {
		return
	}
	start := n
	// Trailing lines in a smaller font, the first starting with a marker.
	for i := n - 1; i >= 0; i-- {
		l := pl.items[i].line
		if l == nil || bodySize == 0 || l.Size > 0.93*bodySize {
			break
		}
		if l.SupLead || seen[leadingNumber(l.Text)] {
			start = i
		}
	}
	if start == n {
		return
	}
	// Do not take a whole page of small print.
	if start == 0 {
		return
	}
	for _, it := range pl.items[start:] {
		pl.notes = append(pl.notes, it.line)
	}
	pl.items = pl.items[:start]
}

var leadingNumRE = regexp.MustCompile(`^[(⁽]?(\d{1,3})[)⁾]?\s`)

// leadingNumber returns the marker number a footnote line in plain
// (non-superscript) digits starts with.
func leadingNumber(s string) string {
	m := leadingNumRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1]
}

// numberLines numbers body lines and table cell lines by baseline, top
// to bottom, then footnote lines after them.
func numberLines(pl *pageLayout) {
	type ent struct {
		y  float64
		ln *int
	}
	var es []ent
	for _, it := range pl.items {
		if it.line != nil {
			es = append(es, ent{it.line.Y, &it.line.Num})
			continue
		}
		for _, r := range it.table.rows {
			for ci := range r.cells {
				c := &r.cells[ci]
				if c.hasLine {
					es = append(es, ent{c.y, &c.num})
				}
			}
		}
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].y > es[j].y })
	n := 0
	prev := math.Inf(1)
	for _, e := range es {
		if prev-e.y > 1.5 {
			n++
			prev = e.y
		}
		*e.ln = n
	}
	for _, l := range pl.notes {
		n++
		l.Num = n
	}
}

var listRE = regexp.MustCompile(`^(?:[-+•–—*▪●○◦]\s|[a-zđ]\)\s|[a-zđ]\.\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXLC]{1,6}[.)]\s|\(\d{1,3}\)\s)`)

// assemble turns the laid-out pages into blocks and footnotes.
func assemble(pls []*pageLayout, doc *extract.Document) {
	var refs []refAt
	var cur *extract.Block
	var prev *tline
	var prevPage *pageLayout
	tableIdx := 0
	flush := func() {
		if cur != nil {
			doc.Blocks = append(doc.Blocks, *cur)
			cur = nil
		}
	}
	var notes []extract.Footnote
	used := map[string]bool{}
	have := map[string]bool{}
	for _, pl := range pls {
		for _, l := range pl.notes {
			if id := noteID(l); id != "" {
				have[id] = true
			}
		}
	}
	for _, pl := range pls {
		left, right := margins(pl)
		pitch := linePitch(pl)
		for _, it := range pl.items {
			if t := it.table; t != nil {
				flush()
				prev = nil
				tableIdx++
				tb := &extract.Table{}
				for i, r := range t.rows {
					tb.Rows = append(tb.Rows, toRow(r, t.page, tableIdx, i+1))
				}
				doc.Blocks = append(doc.Blocks, extract.Block{Kind: extract.TableKind, Table: tb})
				continue
			}
			l := it.line
			pos := extract.Pos{Page: l.Page, Line: l.Num}
			orphans := putBackOrphans(l, have)
			for _, id := range orphans {
				doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d line %d: superscript %s matches no footnote: kept in the text", pos.Page, pos.Line, id))
			}
			for _, r := range l.Refs {
				refs = append(refs, refAt{r.ID, pos})
			}
			if cur == nil || prev == nil || newParagraph(prev, l, prevPage, pl, left, right, pitch) {
				flush()
				cur = &extract.Block{Kind: extract.Paragraph}
			}
			el := extract.Line{Text: l.Text, Pos: pos, Box: l.Box, Words: l.Words}
			if legacyFont(l.Font) {
				el.Font = l.Font
			}
			cur.Lines = append(cur.Lines, el)
			for _, r := range l.Refs {
				cur.FootnoteRefs = append(cur.FootnoteRefs, r.ID)
			}
			prev, prevPage = l, pl
		}
		// Footnotes of this page.
		for _, l := range pl.notes {
			id := noteID(l)
			if !l.SupLead && id != "" && (used[id] || !referenced(refs, id)) {
				id = "" // a number that starts a continuation line
			}
			text, words := l.Text, l.Words
			if !l.SupLead && id != "" {
				text = strings.TrimSpace(leadingNumRE.ReplaceAllString(text, ""))
				words = dropPrefix(words, len(l.Text)-len(text))
			}
			el := extract.Line{Text: text, Pos: extract.Pos{Page: l.Page, Line: l.Num}, Box: l.Box, Words: words}
			if legacyFont(l.Font) {
				el.Font = l.Font
			}
			if id == "" && len(notes) > 0 {
				last := &notes[len(notes)-1]
				last.Lines = append(last.Lines, el)
				continue
			}
			fn := extract.Footnote{ID: id, Lines: []extract.Line{el}}
			for i := len(refs) - 1; i >= 0; i-- {
				if refs[i].id == id {
					fn.Ref = refs[i].pos
					break
				}
			}
			notes = append(notes, fn)
			used[id] = true
		}
	}
	flush()
	doc.Footnotes = notes
}

// refAt is a footnote reference and the position of its line.
type refAt struct {
	id  string
	pos extract.Pos
}

// referenced reports whether refs holds a reference to id.
func referenced(refs []refAt, id string) bool {
	for _, r := range refs {
		if r.id == id {
			return true
		}
	}
	return false
}

// noteID returns the marker that starts a footnote-area line, or "".
func noteID(l *tline) string {
	if l.SupLead {
		return l.Refs[0].ID
	}
	return leadingNumber(l.Text)
}

// putBackOrphans puts the superscript digit runs of l that match no
// footnote back into its text as superscript digits, where they cannot
// glue to a number, and returns their ids. l.Refs keeps the others.
func putBackOrphans(l *tline, have map[string]bool) []string {
	var out []string
	kept := l.Refs[:0]
	text := l.Text
	for i := len(l.Refs) - 1; i >= 0; i-- {
		r := l.Refs[i]
		if have[r.ID] {
			continue
		}
		off := r.Off
		if off > len(text) {
			off = len(text)
		}
		for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
			off--
		}
		sup := toSuperscript(r.ID)
		text = text[:off] + sup + text[off:]
		insertAt(l.Words, off, len(sup))
		out = append(out, r.ID)
	}
	for _, r := range l.Refs {
		if have[r.ID] {
			kept = append(kept, r)
		}
	}
	l.Refs = kept
	l.Text = text
	return out
}

// insertAt shifts words for n bytes inserted into their line's text at
// byte offset off: text inserted where a word starts or ends, or inside
// it, belongs to that word.
func insertAt(words []extract.Word, off, n int) {
	for i := range words {
		w := &words[i]
		if w.Start > off {
			w.Start += n
		}
		if w.End >= off {
			w.End += n
		}
	}
}

// dropPrefix returns words for their line's text with its first n bytes
// cut off.
func dropPrefix(words []extract.Word, n int) []extract.Word {
	if n <= 0 {
		return words
	}
	var out []extract.Word
	for _, w := range words {
		if w.End <= n {
			continue
		}
		w.Start, w.End = max(w.Start-n, 0), w.End-n
		out = append(out, w)
	}
	return out
}

// margins returns the left and right edges of a page's body text.
func margins(pl *pageLayout) (left, right float64) {
	var xs, xe []float64
	for _, it := range pl.items {
		if it.line != nil {
			xs = append(xs, it.line.X0)
			xe = append(xe, it.line.X1)
		}
	}
	if len(xs) == 0 {
		return 0, pl.Width
	}
	sort.Float64s(xs)
	sort.Float64s(xe)
	// The left margin is where most lines start: the smallest x shared
	// by a tenth of the lines; the right one the 90th percentile end.
	left = xs[0]
	for i := range xs {
		j := i
		for j < len(xs) && xs[j]-xs[i] < 2 {
			j++
		}
		if (j-i)*10 >= len(xs) {
			left = xs[i]
			break
		}
	}
	right = xe[(len(xe)*9)/10]
	return left, right
}

// linePitch is the median baseline distance between consecutive lines
// of the page.
func linePitch(pl *pageLayout) float64 {
	var d []float64
	var prev *tline
	for _, it := range pl.items {
		if it.line == nil {
			prev = nil
			continue
		}
		if prev != nil && prev.Y-it.line.Y > 0.5 {
			d = append(d, prev.Y-it.line.Y)
		}
		prev = it.line
	}
	if len(d) == 0 {
		return 0
	}
	sort.Float64s(d)
	return d[len(d)/2]
}

// newParagraph reports whether l starts a new paragraph after prev.
func newParagraph(prev, l *tline, pp, pl *pageLayout, left, right, pitch float64) bool {
	if listRE.MatchString(l.Text) {
		return true
	}
	size := math.Max(l.Size, 1)
	if math.Abs(l.Size-prev.Size) > 0.6 || isBold(l.Font) != isBold(prev.Font) {
		return true
	}
	if l.X0 > left+0.6*size {
		return true
	}
	pLeft, pRight := left, right
	if pp != pl {
		pLeft, pRight = margins(pp)
	}
	_ = pLeft
	if prev.X1 < pRight-2.5*size {
		return true
	}
	if pp == pl && pitch > 0 && prev.Y-l.Y > 1.6*pitch {
		return true
	}
	if pp == pl && prev.Y-l.Y > 2.2*size {
		return true
	}
	return false
}
