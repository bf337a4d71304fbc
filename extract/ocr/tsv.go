package ocr

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	return pageOf(words, page, g, rs), nil
}

// pageOf lays out the words of a page (see ParseTSV).
func pageOf(words []word, page int, g geometry, rs rulingSet) pageText {
	var p pageText
	for _, w := range words {
		p.words++
		p.conf += w.conf
	}
	if len(words) == 0 {
		return p
	}
	unit := medianHeight(words)
	skew := rs.skew
	if len(rs.h)+len(rs.v) == 0 {
		skew = textSkew(words)
	}
	body, zone := pageZones(words, g, rs, unit)
	var lineNo int
	p.blocks, lineNo = layout(body, page, g, rs, unit, skew)
	p.notes = footnotes(zone, page, lineNo, unit, g, skew)
	return p
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
// remnant of a ruling rather than text: a lone letter read with a
// confidence under 50, or a word without letters or digits that either
// Tesseract is unsure of (confidence under 70), or that is made
// of marks that never stand alone in Vietnamese typography: the
// punctuation that is written against a word (. , : ; ' " ’ ”), and
// underscores, tildes, bars and the like. Dashes, bullets and brackets,
// which do stand alone, are kept when read with confidence.
func noise(text string, conf float64) bool {
	if r, n := utf8.DecodeRuneInString(text); n == len(text) && !unicode.IsDigit(r) && conf < 50 {
		return true // a lone letter Tesseract is unsure of: a speck
	}
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

// wideGap is the horizontal gap, in pixels, above which two words of a
// line are far apart (a row of a table that was not found): twice the
// median word height, several times a word space even in justified text.
func wideGap(unit int) int { return 2 * unit }

// layout turns the words of one page into blocks: Tesseract's lines,
// grouped into paragraph blocks by its block and paragraph numbers, and
// the tables found by findTables, each before the first line below its
// top (Tesseract sometimes reads a table before the title above it, or
// a caption after it) or at the end of the page. It returns the blocks with the number of
// lines and table rows emitted.
func layout(words []word, page int, g geometry, rs rulingSet, unit int, skew float64) ([]extract.Block, int) {
	if len(words) == 0 {
		return nil, 0
	}
	tables := findTables(words, rs, g, skew)
	tableOf := make([]int, len(words))
	for i := range tableOf {
		tableOf[i] = -1
	}
	tops := make([]int, len(tables)) // the top of each table's words
	for ti, t := range tables {
		tops[ti] = math.MaxInt
		for _, r := range t.Rows {
			for _, c := range r.Cells {
				for _, i := range c.Words {
					tableOf[i] = ti
					tops[ti] = min(tops[ti], words[i].top)
				}
			}
		}
	}
	var blocks []extract.Block
	lineNo := 0
	emitted := make([]bool, len(tables))
	var cur *extract.Block
	var curKey [2]int
	emit := func(ti int) {
		if !emitted[ti] {
			emitted[ti] = true
			blocks = append(blocks, tableBlock(tables[ti], words, page, &lineNo, g))
			cur = nil
		}
	}
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].tessLine == words[i].tessLine {
			j++
		}
		var lw []word
		for k := i; k < j; k++ {
			if ti := tableOf[k]; ti < 0 {
				lw = append(lw, words[k])
			}
		}
		i = j
		if len(lw) == 0 {
			continue // a line of a table
		}
		// A table comes before the first line below its top, wherever
		// Tesseract's reading order put its words.
		for ti := range tables {
			if tops[ti] < lw[0].top {
				emit(ti)
			}
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
	for ti := range tables {
		emit(ti)
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

func cellPos(page, line, row, cell int) extract.Pos {
	return extract.Pos{Page: page, Line: line, Row: row + 1, Cell: cell + 1}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
