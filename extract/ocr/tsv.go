package ocr

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/extract"
)

// word is one recognised word of a Tesseract TSV (level 5 row).
type word struct {
	block, par, line int
	left, top, w, h  int
	conf             float64
	text             string
	tessLine         int // index of the Tesseract line this word belongs to
}

func (w word) right() int { return w.left + w.w }

// ParseTSV parses the TSV output of `tesseract IMG stdout tsv` for one
// page image and lays it out as blocks and footnotes of page page:
// paragraph blocks following Tesseract's block and paragraph numbers,
// table blocks where rows of words line up in columns, footnotes for the
// small print at the foot of the page (see the package doc); page
// numbers are dropped. Line numbers in positions are 1-based and count
// every emitted line and table row of the page in order, then the
// footnote lines. Lines, their words and table cells get boxes on the
// page through pl (none with the zero Placement), and lines and cells
// their OCR confidence.
func ParseTSV(tsv []byte, page int, pl Placement) ([]extract.Block, []extract.Footnote, error) {
	p, err := parsePage(tsv, page, pl, rulingSet{})
	return p.blocks, p.notes, err
}

// pageText is the text of one recognised page.
type pageText struct {
	blocks []extract.Block
	notes  []extract.Footnote
	words  int     // how many words were recognised
	conf   float64 // the sum of their confidences
}

// parsePage is ParseTSV with the rulings of the page image (see
// findRulings), which give its ruled tables and its footnote rule.
func parsePage(tsv []byte, page int, pl Placement, rs rulingSet) (pageText, error) {
	words, g, err := parseWords(tsv)
	if err != nil {
		return pageText{}, err
	}
	g.pl = pl
	var p pageText
	for _, w := range words {
		p.words++
		p.conf += w.conf
	}
	if len(words) == 0 {
		return p, nil
	}
	unit := medianHeight(words)
	grids := findGrids(rs)
	body, zone := pageZones(words, g, rs.h, grids, unit)
	var lineNo int
	p.blocks, lineNo = layout(body, page, g, grids, unit)
	p.notes = footnotes(zone, page, lineNo, unit, g)
	return p, nil
}

// geometry converts word boxes from image pixels to page points.
type geometry struct {
	pl         Placement
	imgW, imgH int // the image's size in pixels
}

// box converts the pixel rectangle of words to a box on the page.
func (g geometry) box(ws []word) extract.Box {
	if len(ws) == 0 {
		return extract.Box{}
	}
	l, t, r, b := ws[0].left, ws[0].top, ws[0].right(), ws[0].top+ws[0].h
	for _, w := range ws[1:] {
		l, t = min(l, w.left), min(t, w.top)
		r, b = max(r, w.right()), max(b, w.top+w.h)
	}
	return g.pl.box(l, t, r-l, b-t, g.imgW, g.imgH)
}

// parseWords reads the level-5 rows of a Tesseract TSV, and the image
// size from its level-1 row (or, failing that, the extent of the
// words). Rows of other levels and words with empty text are skipped.
func parseWords(tsv []byte) ([]word, geometry, error) {
	var words []word
	var g geometry
	type key struct{ block, par, line int }
	var last key
	lineIdx := -1
	for i, row := range bytes.Split(tsv, []byte("\n")) {
		row = bytes.TrimRight(row, "\r")
		if len(row) == 0 {
			continue
		}
		f := strings.SplitN(string(row), "\t", 12)
		if i == 0 && f[0] == "level" {
			continue
		}
		if len(f) < 11 {
			return nil, g, fmt.Errorf("tsv line %d: %d fields, want 12", i+1, len(f))
		}
		if f[0] != "5" && f[0] != "1" {
			continue
		}
		var n [9]int
		for j := range n {
			v, err := strconv.Atoi(f[j+1])
			if err != nil {
				return nil, g, fmt.Errorf("tsv line %d: field %d: %w", i+1, j+2, err)
			}
			n[j] = v
		}
		if f[0] == "1" {
			g.imgW, g.imgH = max(g.imgW, n[7]), max(g.imgH, n[8])
			continue
		}
		text := ""
		if len(f) == 12 {
			text = strings.TrimSpace(f[11])
		}
		if text == "" {
			continue
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if err != nil || math.IsNaN(conf) || math.IsInf(conf, 0) {
			return nil, g, fmt.Errorf("tsv line %d: confidence %q", i+1, f[10])
		}
		conf = max(0, min(100, conf))
		text = norm.NFC.String(text)
		if noise(text, conf) {
			continue
		}
		k := key{n[1], n[2], n[3]}
		if lineIdx < 0 || k != last {
			lineIdx++
			last = k
		}
		w := word{
			block: n[1], par: n[2], line: n[3],
			left: n[5], top: n[6], w: max(0, n[7]), h: max(0, n[8]),
			conf: conf, text: text, tessLine: lineIdx,
		}
		words = append(words, w)
	}
	if g.imgW <= 0 || g.imgH <= 0 {
		for _, w := range words {
			g.imgW, g.imgH = max(g.imgW, w.right()), max(g.imgH, w.top+w.h)
		}
	}
	return words, g, nil
}

// noise reports whether a recognised word is a speck of dust or a
// remnant of a ruling rather than text: it has no letter or digit, and
// either Tesseract is unsure of it (confidence under 70), or it is made
// of marks that never stand alone in Vietnamese typography: the
// punctuation that is written against a word (. , : ; ' " ’ ”), and
// underscores, tildes, bars and the like. Dashes, bullets and brackets,
// which do stand alone, are kept when read with confidence.
func noise(text string, conf float64) bool {
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if conf < 70 {
		return true
	}
	for _, r := range text {
		if !strings.ContainsRune(".,:;'\"‘’“”`_~|¦^", r) {
			return false
		}
	}
	return true
}

// visualRow is a set of words whose vertical extents overlap: one row of
// print across the whole page width, split into cells at wide gaps.
type visualRow struct {
	words []word // sorted by left
	cells []cellBox
	top   int
}

// cellBox is a run of words in a visual row with no wide gap between them.
type cellBox struct {
	left, right int
	words       []word
}

func (c cellBox) text() string {
	var b strings.Builder
	for i, w := range c.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// medianHeight is the median word height, the unit for gaps and
// tolerances; 1 when there are no words.
func medianHeight(words []word) int {
	if len(words) == 0 {
		return 1
	}
	hs := make([]int, len(words))
	for i, w := range words {
		hs[i] = w.h
	}
	sort.Ints(hs)
	return max(1, hs[len(hs)/2])
}

// visualRowsIdx groups words into rows of print and returns them as
// indexes into words, rows top-down, each left to right: taken in order
// of their vertical centres, a word joins the current row when its
// centre is at most half a unit below the mean centre of the row's
// words (the mean, not the first word, so that a small mark or a
// superscript does not split a line).
func visualRowsIdx(words []word, unit int) [][]int {
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	centre := func(i int) int { return words[i].top + words[i].h/2 }
	sort.SliceStable(order, func(a, b int) bool { return centre(order[a]) < centre(order[b]) })
	var rows [][]int
	sum := 0
	for _, i := range order {
		c := centre(i)
		if n := len(rows); n > 0 && c*len(rows[n-1])-sum <= unit/2*len(rows[n-1]) {
			rows[n-1] = append(rows[n-1], i)
			sum += c
			continue
		}
		rows = append(rows, []int{i})
		sum = c
	}
	for _, r := range rows {
		sort.SliceStable(r, func(a, b int) bool { return words[r[a]].left < words[r[b]].left })
	}
	return rows
}

// visualRows groups the words of a page into rows of print (see
// visualRowsIdx) and cuts each row into cells at wide gaps. Rows are in
// top-down order, words in each row left to right.
func visualRows(words []word, unit int) []visualRow {
	var rows []visualRow
	for _, ix := range visualRowsIdx(words, unit) {
		r := visualRow{top: words[ix[0]].top}
		for _, i := range ix {
			r.words = append(r.words, words[i])
			r.top = min(r.top, words[i].top)
		}
		rows = append(rows, r)
	}
	gap := wideGap(unit)
	for i := range rows {
		r := &rows[i]
		for _, w := range r.words {
			if n := len(r.cells); n > 0 && w.left-r.cells[n-1].right <= gap {
				c := &r.cells[n-1]
				c.words = append(c.words, w)
				c.right = max(c.right, w.right())
				continue
			}
			r.cells = append(r.cells, cellBox{left: w.left, right: w.right(), words: []word{w}})
		}
	}
	return rows
}

// wideGap is the horizontal gap, in pixels, above which two words on one
// row are taken to be in different cells: twice the median word height,
// several times a word space even in justified text.
func wideGap(unit int) int { return 2 * unit }

// table is a run of visual rows laid out in columns.
type table struct {
	rows []visualRow
	cols [][2]int // column extents, left to right
}

// findTables finds runs of at least two consecutive visual rows of two or
// more cells each whose cells fall into common columns (see columns).
func findTables(rows []visualRow) []table {
	var out []table
	for i := 0; i < len(rows); {
		if len(rows[i].cells) < 2 {
			i++
			continue
		}
		j := i
		for j < len(rows) && len(rows[j].cells) >= 2 {
			j++
		}
		if j-i >= 2 {
			if t, ok := columns(rows[i:j]); ok {
				out = append(out, t)
			}
		}
		i = j
	}
	return out
}

// columns computes the columns of rows and reports whether they form a
// table. The columns come from the full rows, those with the most cells:
// each column is the union of the x-intervals of the full rows' k-th
// cells, and the run is a table only if these unions stay apart (the
// white rivers between columns run through every full row). The cells
// of the other rows then take the columns they overlap, spanning several
// where they cross a river; no two cells of a row may share a column.
func columns(rows []visualRow) (table, bool) {
	full := 0
	for _, r := range rows {
		full = max(full, len(r.cells))
	}
	cols := make([][2]int, full)
	seen := false
	for _, r := range rows {
		if len(r.cells) != full {
			continue
		}
		for k, c := range r.cells {
			if !seen {
				cols[k] = [2]int{c.left, c.right}
				continue
			}
			cols[k][0] = min(cols[k][0], c.left)
			cols[k][1] = max(cols[k][1], c.right)
		}
		seen = true
	}
	for k := 1; k < len(cols); k++ {
		if cols[k][0] <= cols[k-1][1] {
			return table{}, false
		}
	}
	for _, r := range rows {
		next := 0
		for _, c := range r.cells {
			first, last := colSpan(cols, c.left, c.right)
			if first < next {
				return table{}, false
			}
			next = last + 1
		}
	}
	return table{rows: rows, cols: cols}, true
}

// colSpan returns the first and last column that the interval [l, r]
// overlaps; an interval that lies in a river takes the nearest column.
func colSpan(cols [][2]int, l, r int) (first, last int) {
	first, last = -1, -1
	for i, c := range cols {
		if c[1] >= l && c[0] <= r {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		return first, last
	}
	best, bestD := 0, -1
	mid := (l + r) / 2
	for i, c := range cols {
		d := min(abs(mid-c[0]), abs(mid-c[1]))
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best, best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// layout turns the words of one page into blocks, and returns them with
// the number of lines and table rows emitted.
func layout(all []word, page int, g geometry, grids []grid, unit int) ([]extract.Block, int) {
	if len(all) == 0 {
		return nil, 0
	}
	// Ruled tables take the words whose centres lie inside them; the
	// other words are laid out as lines and borderless tables.
	gridOf := make([]int, len(all))
	gridWords := make([][]word, len(grids))
	var words []word
	for i, w := range all {
		gridOf[i] = -1
		x, y := float64(w.left)+float64(w.w)/2, float64(w.top)+float64(w.h)/2
		for gi := range grids {
			if grids[gi].contains(x, y) {
				gridOf[i] = gi
				gridWords[gi] = append(gridWords[gi], w)
				break
			}
		}
		if gridOf[i] < 0 {
			words = append(words, w)
		}
	}
	rows := visualRows(words, unit)
	tables := findTables(rows)

	// Map each Tesseract line to the table that holds any of its
	// words; such lines are emitted as part of the table.
	inTable := map[int]int{}
	for ti, t := range tables {
		for _, r := range t.rows {
			for _, w := range r.words {
				inTable[w.tessLine] = ti
			}
		}
	}
	// A Tesseract line only partly inside a table (its other words on
	// rows outside) would lose words; keep such tables out.
	lineWords := map[int]int{}
	for _, w := range words {
		lineWords[w.tessLine]++
	}
	tableWords := make([]map[int]int, len(tables))
	for ti, t := range tables {
		tableWords[ti] = map[int]int{}
		for _, r := range t.rows {
			for _, w := range r.words {
				tableWords[ti][w.tessLine]++
			}
		}
	}
	bad := map[int]bool{}
	for ti, t := range tables {
		for l, n := range tableWords[ti] {
			if n != lineWords[l] {
				bad[ti] = true
			}
		}
		// Nor may a Tesseract line spread over several rows of the
		// table: the rows would then be a mis-split line of text.
		rowOf := map[int]int{}
		for ri, r := range t.rows {
			for _, w := range r.words {
				if prev, ok := rowOf[w.tessLine]; ok && prev != ri {
					bad[ti] = true
				}
				rowOf[w.tessLine] = ri
			}
		}
	}
	for l, ti := range inTable {
		if bad[ti] {
			delete(inTable, l)
		}
	}

	var blocks []extract.Block
	lineNo := 0
	emitted := map[int]bool{}
	emittedGrid := make([]bool, len(grids))
	var cur *extract.Block
	var curKey [2]int
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].tessLine == all[i].tessLine {
			j++
		}
		var lw []word
		for k := i; k < j; k++ {
			gi := gridOf[k]
			if gi < 0 {
				lw = append(lw, all[k])
				continue
			}
			if !emittedGrid[gi] {
				emittedGrid[gi] = true
				blocks = append(blocks, ruledTable(&grids[gi], gridWords[gi], page, &lineNo, g, unit))
				cur = nil
			}
		}
		i = j
		if len(lw) == 0 {
			continue
		}
		if ti, ok := inTable[lw[0].tessLine]; ok {
			if !emitted[ti] {
				emitted[ti] = true
				blocks = append(blocks, tableBlock(tables[ti], page, &lineNo, g))
				cur = nil
			}
			continue
		}
		lineNo++
		l := lineOf(lw, page, lineNo, unit, g)
		k := [2]int{lw[0].block, lw[0].par}
		if cur == nil || k != curKey {
			blocks = append(blocks, extract.Block{Kind: extract.Paragraph})
			cur = &blocks[len(blocks)-1]
			curKey = k
		}
		cur.Lines = append(cur.Lines, l)
	}
	return blocks, lineNo
}

// lineOf builds the Line of one Tesseract line, with its words and their
// boxes. Words separated by a wide gap (a table row that did not line up
// with its neighbours) are joined by two spaces, others by one.
func lineOf(lw []word, page, lineNo, unit int, g geometry) extract.Line {
	ws := append([]word(nil), lw...)
	sort.SliceStable(ws, func(a, b int) bool { return ws[a].left < ws[b].left })
	var b strings.Builder
	gap := wideGap(unit)
	words := make([]extract.Word, 0, len(ws))
	for k, w := range ws {
		if k > 0 {
			if w.left-ws[k-1].right() > gap {
				b.WriteString("  ")
			} else {
				b.WriteByte(' ')
			}
		}
		start := b.Len()
		b.WriteString(w.text)
		words = append(words, extract.Word{Start: start, End: b.Len(), Box: g.box(ws[k : k+1])})
	}
	l := extract.Line{
		Text: b.String(),
		Pos:  extract.Pos{Page: page, Line: lineNo},
		Conf: meanConf(ws),
		Box:  g.box(ws),
	}
	if !l.Box.IsZero() {
		l.Words = words
	}
	return l
}

// meanConf is the mean confidence of words, rounded to one decimal and
// at least 0.1, so that Conf > 0 always marks OCR text.
func meanConf(ws []word) float64 {
	sum := 0.0
	for _, w := range ws {
		sum += w.conf
	}
	return max(0.1, round1(sum/float64(max(1, len(ws)))))
}

// tableBlock builds a table block; each row takes one line number.
func tableBlock(t table, page int, lineNo *int, g geometry) extract.Block {
	tb := &extract.Table{}
	for ri, r := range t.rows {
		*lineNo++
		var row extract.Row
		next := 0 // next free column
		for _, c := range r.cells {
			first, last := colSpan(t.cols, c.left, c.right)
			for next < first {
				row.Cells = append(row.Cells, extract.Cell{Pos: cellPos(page, *lineNo, ri, len(row.Cells)), Span: 1})
				next++
			}
			span := max(1, last-first+1)
			row.Cells = append(row.Cells, extract.Cell{
				Text: c.text(),
				Pos:  cellPos(page, *lineNo, ri, len(row.Cells)),
				Span: span,
				Box:  g.box(c.words),
				Conf: meanConf(c.words),
			})
			next = first + span
		}
		for next < len(t.cols) {
			row.Cells = append(row.Cells, extract.Cell{Pos: cellPos(page, *lineNo, ri, len(row.Cells)), Span: 1})
			next++
		}
		tb.Rows = append(tb.Rows, row)
	}
	return extract.Block{Kind: extract.TableKind, Table: tb}
}

func cellPos(page, line, row, cell int) extract.Pos {
	return extract.Pos{Page: page, Line: line, Row: row + 1, Cell: cell + 1}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
