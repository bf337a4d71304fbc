package ocr

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/extract"
)

// Page zones, as fractions of the page image's height: page numbers
// sit in the top or bottom margin, the footnote rule in the lower part.
const (
	marginFrac   = 0.08 // the top and bottom margins
	noteRuleFrac = 0.4  // a footnote rule lies below this much of the page
)

// pageNumberRe matches the text of a page number line: "3", "- 3 -",
// "Trang 3", "3/12".
var pageNumberRe = regexp.MustCompile(`^(?:[-–]\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?$`)

// noteMarkRe matches the first word of a footnote: its number, in plain
// or superscript digits, or the mark OCR reads a superscript digit as.
var noteMarkRe = regexp.MustCompile(`^(?:[(⁽]?(\d{1,2})[)⁾.]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[` + "`" + `'"?!’”*^°]{1,3})$`)

// pageZones splits the words of a page into its body and its footnote
// area, and drops page numbers: a row of print in the top or bottom
// margin, alone on its height, that reads as a page number. The
// footnote area is what lies below the footnote rule, a short
// horizontal ruling (under half the page wide) in the lower part of the
// page that starts at the left edge of the text and belongs to no
// table; failing one, it is the trailing rows of print set smaller than
// the body, the first starting with a footnote mark. A Tesseract line
// goes to one zone whole, the zone of its leftmost word.
func pageZones(words []word, g geometry, rs rulingSet, unit int) (body, notes []word) {
	if len(words) == 0 {
		return nil, nil
	}
	drop := map[int]bool{} // indexes into words
	rows := visualRowsIdx(words, unit)
	h := float64(g.imgH)
	for _, r := range rows {
		top, bottom := words[r[0]].top, words[r[0]].top+words[r[0]].h
		var parts []string
		for _, i := range r {
			top, bottom = min(top, words[i].top), max(bottom, words[i].top+words[i].h)
			parts = append(parts, words[i].text)
		}
		inMargin := float64(bottom) < marginFrac*h || float64(top) > (1-marginFrac)*h
		if inMargin && pageNumberRe.MatchString(strings.Join(parts, " ")) {
			for _, i := range r {
				drop[i] = true
			}
		}
	}
	// The footnote rule.
	left := textLeft(words)
	var rule *ruling
	for k := range rs.h {
		r := &rs.h[k]
		y := r.mid()
		if float64(r.hi-r.lo) > 0.5*float64(g.imgW) || y < noteRuleFrac*h || inTable(*r, rs) {
			continue
		}
		if d := float64(r.lo) - float64(left); d < -0.05*float64(g.imgW) || d > 0.05*float64(g.imgW) {
			continue
		}
		if rule == nil || y > rule.mid() {
			rule = r
		}
	}
	below := func(i int) bool {
		w := words[i]
		x, y := float64(w.left)+float64(w.w)/2, float64(w.top)+float64(w.h)/2
		return rule != nil && y > rule.at(x)
	}
	if rule == nil {
		// Trailing rows of small print, from a row that starts with a
		// mark.
		start := -1
		for k := len(rows) - 1; k > 0; k-- {
			r := rows[k]
			if drop[r[0]] {
				continue
			}
			hs := make([]int, 0, len(r))
			for _, i := range r {
				hs = append(hs, words[i].h)
			}
			sort.Ints(hs)
			if float64(hs[len(hs)/2]) > 0.85*float64(unit) {
				break
			}
			if noteMarkRe.MatchString(words[r[0]].text) {
				start = k
			}
		}
		if start > 0 {
			y := words[rows[start][0]].top
			below = func(i int) bool { return words[i].top+words[i].h/2 >= y }
		}
	}
	// A Tesseract line lies on one side of the rule as a whole, the side
	// of its leftmost word, which stands over the rule's own extent: a
	// word further right is judged by the rule extended across the page,
	// where a slight tilt of the scan can put the first footnote line
	// above it and cut the line in two.
	lead := map[int]int{} // Tesseract line → index of its leftmost word
	for i, w := range words {
		if j, ok := lead[w.tessLine]; !ok || w.left < words[j].left {
			lead[w.tessLine] = i
		}
	}
	for i, w := range words {
		switch {
		case drop[i]:
		case below(lead[w.tessLine]):
			notes = append(notes, w)
		default:
			body = append(body, w)
		}
	}
	return body, notes
}

// textLeft is the left edge of the text: the tenth percentile of where
// Tesseract's lines start.
func textLeft(words []word) int {
	var ls []int
	for i, w := range words {
		if i == 0 || w.tessLine != words[i-1].tessLine {
			ls = append(ls, w.left)
		}
	}
	sort.Ints(ls)
	return ls[len(ls)/10]
}

// inTable reports whether horizontal ruling h is part of a ruled
// table: some vertical ruling meets it.
func inTable(h ruling, rs rulingSet) bool {
	for _, v := range rs.v {
		if crosses(h, v, float64(2*rs.thick+2)) {
			return true
		}
	}
	return false
}

// footnotes lays out the words of a page's footnote area as footnotes.
// A footnote starts at a line whose first word is a footnote mark,
// which becomes its ID when it is a number (else the ID is left empty,
// for [numberNotes]) and is dropped from its text; a plain number only
// counts as a mark where a sentence can start (the line before ends one)
// and when it is greater than the page's last footnote number, since
// the "4" of "mức độ 4" may wrap to the start of a line. A line that
// starts with a capital letter indented from where most lines of the
// area start, by 0.4 line heights or more (the width of the mark),
// starts a footnote whose mark OCR lost. Other lines continue the
// footnote before. skew is the page's slant, for measuring
// indents; lines are numbered on from lineNo.
func footnotes(words []word, page, lineNo, unit int, g geometry, skew float64) []extract.Footnote {
	var lines [][]word
	for i := 0; i < len(words); {
		j := i
		for j < len(words) && words[j].tessLine == words[i].tessLine {
			j++
		}
		lines = append(lines, words[i:j])
		i = j
	}
	// Where each line starts on the page turned straight, and the
	// area's left edge: where most lines start, footnotes being mostly
	// lines that wrap.
	starts := make([]float64, len(lines))
	for k, lw := range lines {
		starts[k] = float64(lw[0].left) + skew*float64(lw[0].top)
	}
	sorted := slices.Clone(starts)
	slices.Sort(sorted)
	edge := 0.0
	if len(sorted) > 0 {
		edge = sorted[len(sorted)/2]
	}
	var notes []extract.Footnote
	last := 0 // the last footnote number of the page
	for k, lw := range lines {
		lineNo++
		ended := k == 0 || sentenceEnd(lines[k-1][len(lines[k-1])-1].text)
		id, mark := "", false
		if m := noteMarkRe.FindStringSubmatch(lw[0].text); m != nil && len(lw) > 1 {
			id, mark = m[1], true
			if id == "" {
				id = superscriptDigits(lw[0].text)
			} else if n, _ := strconv.Atoi(id); len(notes) > 0 && (n <= last || !ended) {
				id, mark = "", false
			}
			if n, err := strconv.Atoi(id); err == nil && mark {
				last = n
			}
			if mark {
				lw = lw[1:]
			}
		}
		first, _ := utf8.DecodeRuneInString(lw[0].text)
		indented := starts[k]-edge >= 0.4*float64(unit) && unicode.IsUpper(first)
		l := lineOf(lw, page, lineNo, unit, g)
		if len(notes) > 0 && !mark && !indented {
			n := &notes[len(notes)-1]
			n.Lines = append(n.Lines, l)
			continue
		}
		notes = append(notes, extract.Footnote{ID: id, Lines: []extract.Line{l}})
	}
	return notes
}

// sentenceEnd reports whether a line whose last word is w ends a
// sentence or a footnote: w ends in . ; : ! ? or a closing bracket or
// quote.
func sentenceEnd(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return strings.ContainsRune(".;:!?)”\"", r)
}

// superscriptDigits returns the number written in superscript digits
// in s, or "".
func superscriptDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		for d, sup := range []rune("⁰¹²³⁴⁵⁶⁷⁸⁹") {
			if r == sup {
				b.WriteByte('0' + byte(d))
			}
		}
	}
	return b.String()
}

// numberNotes gives the footnotes whose mark OCR could not read (ID "")
// the number after the footnote before them, footnotes being numbered
// through the document.
func numberNotes(notes []extract.Footnote) {
	last := 0
	for i := range notes {
		if n, err := strconv.Atoi(notes[i].ID); err == nil {
			last = n
			continue
		}
		if notes[i].ID == "" {
			last++
			notes[i].ID = strconv.Itoa(last)
		}
	}
}
