package normalize

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

// Normalize turns an extracted document into normalized text: legacy
// encodings decoded, NFC, lines that a layout broke mid-sentence joined
// into paragraphs (hyphenated words repaired), footnotes as paragraphs of
// their own, tables split into header and body rows (their parts across
// page breaks are joined by extract.MergeTables), and the report's
// province, year, period and issue date identified.
func Normalize(d *extract.Document) *Doc { return NormalizeHints(d, Hints{}) }

// NormalizeHints is [Normalize] with what the caller knows of the report
// besides its text: the path it was read from (d.Path when h.Path is
// empty) and the province the user gave; see [Identify].
func NormalizeHints(d *extract.Document, h Hints) *Doc {
	nd := &Doc{Source: d}
	// DOCX gives real paragraphs; text and PDF give layout lines, which
	// may continue from one block to the next.
	joinBlocks := d.Format != corpus.DOCX
	typical := typicalLineLen(d)
	var recent []string // recent paragraph texts, for captions
	var last *Para
	var upper upperCounter // of last's text
	src := sourceLines(d)
	for _, b := range d.Blocks {
		if b.Kind == extract.TableKind {
			if b.Table != nil && len(b.Table.Rows) > 0 {
				nd.Tables = append(nd.Tables, tableOf(nd.cleanTable(b, d.Encoding), strings.Join(recent, "\n")))
			}
			last = nil
			continue
		}
		lines := make([]extract.Line, 0, len(b.Lines))
		for _, l := range b.Lines {
			l.Text = nd.cleanLine(l, d.Encoding)
			if strings.TrimSpace(l.Text) != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		kind := Body
		switch b.Kind {
		case extract.Heading:
			kind = Heading
		case extract.ListItem:
			kind = List
		}
		refs := b.FootnoteRefs
		// Layout lines of one block that start list items ("- …",
		// "a) …") are paragraphs of their own: a Markdown list or the
		// bullets of a text export.
		for _, run := range splitAtItems(lines, joinBlocks) {
			if joinBlocks && last != nil && b.Kind != extract.Heading && last.Kind != Heading && continuesCounted(last.Text, run[0].Text, &upper) &&
				!endsShortLine(last, run[0].Text, typical) {
				last.joins = append(last.joins, len(last.Text))
				appendLines(last, run, src)
				last.Refs = append(last.Refs, refs...)
				refs = nil
				continue
			}
			p := Para{Kind: kind, Refs: append([]string(nil), refs...)}
			refs = nil
			appendLines(&p, run, src)
			nd.Paras = append(nd.Paras, p)
			last = &nd.Paras[len(nd.Paras)-1]
			recent = append(recent, p.Text)
			if len(recent) > 3 {
				recent = recent[1:]
			}
		}
	}
	assignSections(nd.Paras)
	for _, f := range d.Footnotes {
		p := Para{Kind: Footnote, FootnoteID: f.ID}
		var lines []extract.Line
		for _, l := range f.Lines {
			l.Text = nd.cleanLine(l, d.Encoding)
			if strings.TrimSpace(l.Text) != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		appendLines(&p, lines, src)
		nd.Paras = append(nd.Paras, p)
	}
	identify(nd, h)
	return nd
}

var (
	// topTitleRe matches a top-level section title: a Roman numeral, or
	// a Markdown heading of level 1 or 2.
	topTitleRe = regexp.MustCompile(`^(?:[IVX]{1,5}[.)]\s|PHẦN\s|Phần\s)`)
	// subTitleRe matches a numbered sub-section title: "2.", "3.1.", "a)".
	subTitleRe = regexp.MustCompile(`^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s`)
)

// assignSections records for each paragraph the titles of the sections it
// is in. A title is a short paragraph without a closing full stop that is
// a heading, a Roman-numbered or all-capital line (top level), or a
// numbered line (sub-section).
func assignSections(paras []Para) {
	var top, subsec string
	for i := range paras {
		p := &paras[i]
		t := strings.TrimSpace(p.Text)
		short := utf8.RuneCountInString(t) <= 150 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ";")
		switch {
		case short && (p.Kind == Heading || topTitleRe.MatchString(t) || isUpperLine(t)):
			top, subsec = t, ""
			p.Sections = []string{top}
			continue
		case short && subTitleRe.MatchString(t):
			subsec = t
			p.Sections = []string{top, subsec}
			continue
		}
		if top != "" || subsec != "" {
			p.Sections = []string{top, subsec}
		}
	}
}

// JoinSpacedNumbers writes numbers whose thousands are grouped with
// spaces ("1 046 385 hồ sơ", "9 856") with thousands dots, where the
// groups are whole three-digit groups and the word before does not take a
// small number ("mức độ 3 150 hồ sơ" is kept). It returns warnings for
// groups it kept. The result has the same length as s.
func JoinSpacedNumbers(s string) (string, []string) {
	if !strings.Contains(s, " ") || strings.IndexAny(s, "0123456789") < 0 {
		return s, nil
	}
	b := []byte(strings.ReplaceAll(s, "\u00a0", " "))
	if len(b) != len(s) {
		b = []byte(s)
	}
	warns := ocrJoinSpacedGroups(b, nil)
	return string(b), warns
}

// splitAtItems splits a block's lines before every line that starts a
// list item, when split is set.
func splitAtItems(lines []extract.Line, split bool) [][]extract.Line {
	if !split {
		return [][]extract.Line{lines}
	}
	var out [][]extract.Line
	start := 0
	for i := 1; i < len(lines); i++ {
		if isListStart(strings.TrimSpace(lines[i].Text)) {
			out = append(out, lines[start:i])
			start = i
		}
	}
	return append(out, lines[start:])
}

// cleanLine decodes legacy encodings, composes to NFC and tidies blanks.
// Numbers whose thousands are grouped with spaces ("9 856", "1 046 385")
// get thousands dots where that reading is certain.
func cleanLine(s, font, encoding string) string {
	s = FixLine(s, font, encoding)
	s, _ = JoinSpacedNumbers(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2009', '\u202f', '\t':
			return ' '
		case '\u00ad', '\u200b', '\ufeff':
			// Soft hyphen and zero-width characters. (Byte 0xAD is "ư"
			// in TCVN3: FixLine has already decoded legacy text.)
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(collapseSpaces(s))
}

// FixLine decodes one line of text from a legacy 8-bit encoding where the
// font or the document's encoding says so, or where detection finds one,
// and returns it in NFC.
func FixLine(s, font, encoding string) string {
	if encoding == "latin1" || font != "" || hasLegacyHints(s) {
		s, _ = FixText(s, font)
	}
	return nfc(s)
}

// hasLegacyHints reports whether s holds Latin-1 letters that do not
// occur in Vietnamese Unicode text, a sign of TCVN3 or VNI bytes.
func hasLegacyHints(s string) bool {
	for _, r := range s {
		if r >= 0x80 && r <= 0xFF {
			switch r {
			case 'à', 'á', 'â', 'ã', 'è', 'é', 'ê', 'ì', 'í', 'ò', 'ó', 'ô', 'õ', 'ù', 'ú', 'ý',
				'À', 'Á', 'Â', 'Ã', 'È', 'É', 'Ê', 'Ì', 'Í', 'Ò', 'Ó', 'Ô', 'Õ', 'Ù', 'Ú', 'Ý', '\u00a0', '\u00ad', '°', '«', '»', '·', '×', '§', '©', '®', '±', '²', '³', '¹', '½', '¼', '¾':
				continue
			}
			return true
		}
	}
	return false
}

var spaces = regexp.MustCompile(`[ ]{2,}`)

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return spaces.ReplaceAllString(s, " ")
}

// appendLines appends layout lines to a paragraph, joining them with a
// space, or with nothing after a hyphen that splits a word ("COVID-" +
// "19"). src gives each line's source line by position, for word boxes.
func appendLines(p *Para, lines []extract.Line, src map[extract.Pos]*extract.Line) {
	if p.Text == "" && len(lines) == 1 {
		// One line: its text, not a copy.
		l := lines[0]
		p.Spans = append(p.Spans, Span{Off: 0, Pos: l.Pos, Conf: l.Conf, Src: src[l.Pos]})
		p.Text = l.Text
		return
	}
	// One builder for all the lines: adding them to p.Text one by one
	// copied the paragraph twice a line.
	var b strings.Builder
	n := len(p.Text)
	for _, l := range lines {
		n += len(l.Text) + 1
	}
	b.Grow(n)
	b.WriteString(p.Text)
	for _, l := range lines {
		t := l.Text
		if b.Len() > 0 {
			if hyphenated(b.String(), t) {
				// keep the hyphen, no space
			} else {
				b.WriteByte(' ')
			}
		}
		p.Spans = append(p.Spans, Span{Off: b.Len(), Pos: l.Pos, Conf: l.Conf, Src: src[l.Pos]})
		b.WriteString(t)
	}
	p.Text = b.String()
}

// sourceLines indexes the document's lines that carry word positions by
// their position, so that a paragraph's spans can point back to them;
// nil when no line has word positions (DOCX, text).
func sourceLines(d *extract.Document) map[extract.Pos]*extract.Line {
	var src map[extract.Pos]*extract.Line
	add := func(ls []extract.Line) {
		for i := range ls {
			if len(ls[i].Words) == 0 {
				continue
			}
			if src == nil {
				src = map[extract.Pos]*extract.Line{}
			}
			src[ls[i].Pos] = &ls[i]
		}
	}
	for i := range d.Blocks {
		add(d.Blocks[i].Lines)
	}
	for i := range d.Footnotes {
		add(d.Footnotes[i].Lines)
	}
	return src
}

// hyphenated reports whether prev ends with a hyphen glued to a word and
// next continues that word.
func hyphenated(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && (unicode.IsLetter(n) || unicode.IsDigit(n))
}

var (
	// listStart matches the start of a list item or numbered heading.
	listStart = regexp.MustCompile(`^(?:[-+•·▪●–—*]\s|\(?[a-zđ]\)\s|\(?\d{1,2}[.)]\s|[IVX]{1,5}\.\s|\d{1,2}\.\d{1,2}\.?\s|Điều\s\d)`)
	// listFirst holds the runes a match of listStart can start with.
	listFirst = "-+•·▪●–—*(abcdefghijklmnopqrstuvwxyzđ0123456789IVXĐ"
)

// isListStart reports whether s starts a list item or numbered heading
// (listStart), looking at its first rune before running the expression.
func isListStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(listFirst, r) && listStart.MatchString(s)
}

// continues reports whether a layout line next continues the paragraph
// whose text so far is prev, rather than starting a new one.
func continues(prev, next string) bool { return continuesCounted(prev, next, nil) }

// upperCounter counts the letters and capitals of a paragraph as it
// grows (isUpperLine of the whole paragraph for every line joined to it
// read it again and again).
type upperCounter struct {
	s              string // the text counted
	letters, upper int
}

// isUpper is isUpperLine(s), counting only what s adds to the text
// counted before where s starts with it.
func (c *upperCounter) isUpper(s string) bool {
	if !strings.HasPrefix(s, c.s) {
		*c = upperCounter{}
	}
	for _, r := range s[len(c.s):] {
		if unicode.IsLetter(r) {
			c.letters++
			if unicode.IsUpper(r) {
				c.upper++
			}
		}
	}
	c.s = s
	return c.letters >= 4 && c.upper*10 >= c.letters*8
}

// continuesCounted is continues, with prev's capitals counted by up
// where it is not nil.
func continuesCounted(prev, next string, up *upperCounter) bool {
	full := prev
	prev = strings.TrimSpace(prev)
	next = strings.TrimSpace(next)
	if prev == "" || next == "" {
		return false
	}
	if isListStart(next) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	lastR, _ := utf8.DecodeLastRuneInString(prev)
	switch lastR {
	case ':':
		// "…của tỉnh:" + "751.295; …": a figure after its label.
		return unicode.IsLower(first) || unicode.IsDigit(first)
	case '.', '!', '?', ';':
		// A sentence ended; a lower-case start still continues it
		// ("Tp." + "Buôn Ma Thuột" is the exception we accept).
		return unicode.IsLower(first)
	}
	// White space is no letter: the untrimmed text counts the same.
	if (up != nil && up.isUpper(full) || up == nil && isUpperLine(prev)) && !isUpperLine(next) {
		return false
	}
	return true
}

// cleanLine returns the text of l cleaned (see cleanLine), and first,
// for a line recognised from a page image (Conf > 0), repaired where OCR
// breaks it and the context makes the reading certain (FixOCRText),
// before the gaps between the cells of a row are collapsed.
func (nd *Doc) cleanLine(l extract.Line, encoding string) string {
	if l.Conf > 0 {
		fixed, warns := FixOCRText(nfc(l.Text))
		l.Text = fixed
		nd.warnAt(l.Pos, warns)
	}
	return cleanLine(l.Text, l.Font, encoding)
}

// warnAt adds warnings about the text at pos.
func (nd *Doc) warnAt(pos extract.Pos, warns []string) {
	for _, w := range warns {
		nd.Warnings = append(nd.Warnings, fmt.Sprintf("page %d line %d: %s", pos.Page, pos.Line, w))
	}
}

// typicalLineLen returns the median length in runes of the document's
// body lines: the width a layout wraps at.
func typicalLineLen(d *extract.Document) int {
	var ls []int
	for _, b := range d.Blocks {
		for _, l := range b.Lines {
			if n := utf8.RuneCountInString(strings.TrimSpace(l.Text)); n > 0 {
				ls = append(ls, n)
			}
		}
	}
	if len(ls) == 0 {
		return 0
	}
	sort.Ints(ls)
	// Short documents say little about their width; no layout wraps
	// body text under 60 characters.
	return max(ls[len(ls)/2], 60)
}

// endsShortLine reports whether the paragraph p ends with a line much
// shorter than the layout's width, followed by a line that starts with a
// capital: a title or the end of a paragraph, not a wrap.
func endsShortLine(p *Para, next string, typical int) bool {
	if typical == 0 || len(p.Spans) == 0 {
		return false
	}
	lastLine := p.Text[p.Spans[len(p.Spans)-1].Off:]
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
	return utf8.RuneCountInString(lastLine)*10 < typical*7 && unicode.IsUpper(first)
}

// isUpperLine reports whether s is written in capitals (a title line).
func isUpperLine(s string) bool {
	letters, upper := 0, 0
	for i, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if lower := letters - upper; (upper+len(s)-i)*10 < (upper+lower)*8 && lower&15 == 0 {
				// Even were every byte left a capital, the line
				// could not be one: a long paragraph is not read to
				// its end.
				return false
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*8
}

// cleanTable normalizes the cell text of a table block.
func (nd *Doc) cleanTable(b extract.Block, encoding string) extract.Block {
	t := &extract.Table{Rows: make([]extract.Row, len(b.Table.Rows))}
	for i, r := range b.Table.Rows {
		nr := extract.Row{Header: r.Header, Cells: make([]extract.Cell, len(r.Cells))}
		for j, c := range r.Cells {
			if c.Conf > 0 {
				var warns []string
				c.Text, warns = FixOCRCell(nfc(c.Text))
				nd.warnAt(c.Pos, warns)
			}
			c.Text = cleanLine(strings.ReplaceAll(c.Text, "\n", " "), "", encoding)
			nr.Cells[j] = c
		}
		t.Rows[i] = nr
	}
	b.Table = t
	return b
}

// tableOf splits a table into its header and body rows: the rows
// marked Header, or else a first row that looks like one (labels, no
// numbers, above a row of numbers). A header row repeated further down
// (after a page break, where package extract joined the parts) is
// dropped.
func tableOf(b extract.Block, caption string) Table {
	t := Table{Caption: caption}
	var header []string
	rows := b.Table.Rows
	for ri, r := range rows {
		texts := cellTexts(r.Cells)
		isHeader := r.Header || (ri == 0 && (looksLikeHeader(texts) ||
			numericCount(texts) == 0 && ri+1 < len(rows) && numericCount(cellTexts(rows[ri+1].Cells)) > 0))
		if isHeader {
			if header == nil {
				header = texts
				t.Header = append(t.Header, r.Cells)
				continue
			}
			if equalRow(texts, header) || r.Header {
				continue // repeated header
			}
		}
		t.Rows = append(t.Rows, append([]extract.Cell(nil), r.Cells...))
	}
	return t
}

func cellTexts(cs []extract.Cell) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Text
	}
	return out
}

func numericCount(ss []string) int {
	n := 0
	for _, s := range ss {
		if _, _, ok := ParseNumber(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))); ok {
			n++
		}
	}
	return n
}

func equalRow(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if Fold(a[i]) != Fold(b[i]) {
			return false
		}
	}
	return true
}

// looksLikeHeader reports whether a row's cells are labels rather than
// data: no cell is a plain number and at least one names a column
// ("STT", "TT", "Nội dung", "Kinh phí", …).
func looksLikeHeader(cells []string) bool {
	numeric := 0
	for _, c := range cells {
		if _, _, ok := ParseNumber(strings.TrimSpace(c)); ok {
			numeric++
		}
	}
	if numeric > 0 {
		return false
	}
	for _, c := range cells {
		f := Fold(c)
		for _, h := range []string{"stt", "tt", "nội dung", "tên", "kinh phí", "đơn vị", "chỉ tiêu", "số lượng", "nguồn", "ghi chú", "kết quả", "năm"} {
			if f == h || strings.HasPrefix(f, h+" ") || strings.HasPrefix(f, h+"/") {
				return true
			}
		}
	}
	return false
}

// identifyBytes is how much of a report identify reads.
const identifyBytes = 16 << 10

// identify sets the province, year, period and issue date of the
// document from its text and h (see Identify).
func identify(nd *Doc, h Hints) {
	if h.Path == "" {
		h.Path = nd.Source.Path
	}
	text := identifyText(nd)
	id := Identify(text, h)
	nd.Province, nd.Year, nd.Period, nd.Date = id.Province, id.Year, id.Period, id.Date
	nd.Era, nd.ProvinceSource = id.Era, id.ProvinceSource
	nd.Number, nd.Correction = ReportNumber(text), IsCorrection(text)
	nd.Warnings = append(nd.Warnings, id.Warnings...)
}

// identifyText returns the opening of a normalized document that
// identify reads: its title (from the file's properties) and its
// paragraphs, then its tables' rows, one per line, up to
// identifyBytes.
func identifyText(nd *Doc) string {
	// The text is built only up to the cut below.
	var b strings.Builder
	for _, p := range nd.Paras {
		if b.Len() > identifyBytes {
			break
		}
		if p.Kind == Footnote {
			continue
		}
		// The blocks the file laid out stay apart: a title without a
		// full stop is not the start of its lead.
		last := 0
		for _, j := range p.joins {
			b.WriteString(strings.TrimSpace(p.Text[last:j]))
			b.WriteByte('\n')
			last = j
		}
		b.WriteString(strings.TrimSpace(p.Text[last:]))
		b.WriteByte('\n')
	}
	for _, t := range nd.Tables {
		for _, r := range t.Rows {
			if b.Len() > identifyBytes {
				break
			}
			for _, c := range r {
				b.WriteString(c.Text)
				b.WriteByte(' ')
			}
			b.WriteByte('\n')
		}
	}
	text := b.String()
	// A report names its province and period in its title and opening
	// pages: the first 16 KB are enough, and reading no further keeps
	// long reports cheap.
	if len(text) > identifyBytes {
		cut := identifyBytes
		for cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut++
		}
		text = text[:cut]
	}
	if d := nd.Source.Meta.Title; d != "" {
		text = d + "\n" + text
	}
	return text
}
