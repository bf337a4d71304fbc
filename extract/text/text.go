// Package text reads plain-text and Markdown reports into the document
// model of package extract. It registers itself for corpus.Text and
// corpus.Markdown.
//
// # Model
//
// Bytes are decoded by [Decode] (UTF-8 with or without BOM, UTF-16 with
// a BOM, else 8-bit text passed on byte for byte for package normalize
// to identify). Every run of non-blank lines becomes one paragraph block
// whose Lines keep their 1-based line numbers in the file; joining lines
// that a PDF-to-text conversion broke mid-sentence is package
// normalize's work. Runs of tab-separated lines, and Markdown pipe
// tables, become table blocks.
//
// Footnotes are recognised in the two shapes that text exports of
// reports show: a line starting with a superscript marker ("⁽⁶⁾ …",
// "⁸ …") or a Markdown footnote definition ("[^6]: …"); and, in text
// extracted from a PDF, a body "1 Danh mục …" that follows a separator
// line of blanks, whose marker appears in the body as a line holding
// only that number. Markers are removed from the body text and listed in
// Block.FootnoteRefs, so that "25¹ cơ sở" reads "25 cơ sở".
//
// # Limits
//
// Pages are unknown in text: Pos.Page is 0 and Pos.Line the line in the
// file. Markdown is read as text with its markup removed (emphasis,
// heading hashes, link brackets); nested structures are not modelled.
package text

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

func init() {
	extract.Register(corpus.Text, Read)
	extract.Register(corpus.Markdown, Read)
}

// DefaultMaxBytes is the largest text file Read accepts by default.
const DefaultMaxBytes = 64 << 20

// Read reads a text or Markdown report.
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, opt extract.Options) (*extract.Document, error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if size > limit {
		return nil, fmt.Errorf("%s: %d bytes, over the %d-byte limit for text: %w", path, size, limit, extract.ErrTooLarge)
	}
	b := make([]byte, size)
	if _, err := r.ReadAt(b, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s, enc, err := Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := Parse(s)
	doc.Encoding = enc
	return doc, nil
}

// Parse builds a document from decoded text.
func Parse(s string) *extract.Document {
	lines := strings.Split(s, "\n")
	p := parser{lines: lines, doc: &extract.Document{}}
	p.run()
	return p.doc
}

type parser struct {
	lines []string
	doc   *extract.Document
	cur   *extract.Block // paragraph being built
	// refs maps footnote ids to the line of their first marker.
	refs map[string]int
	// bracketDefs holds the ids of "[3] text" footnote lines, whose
	// "[3]" markers in the body are footnote references.
	bracketDefs map[string]bool
	tableRows   []extract.Row
	tableN      int
}

var (
	// supMarker matches a superscript footnote marker: ⁽¹³⁾, ⁽⁸⁾, ⁸, ¹³.
	supMarker = regexp.MustCompile(`⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+`)
	// mdFootnoteDef matches a Markdown footnote definition "[^6]: text".
	mdFootnoteDef = regexp.MustCompile(`^\s*\[\^(\w+)\]:\s*(.*)$`)
	mdFootnoteRef = regexp.MustCompile(`\[\^(\w+)\]`)
	// bracketFootnoteDef matches a footnote line "[3] text" of a text
	// export; bracketRef its marker "[3]" in the body.
	bracketFootnoteDef = regexp.MustCompile(`^\s*\[(\d{1,3})\]\s+(\S.*)$`)
	bracketRef         = regexp.MustCompile(`\[(\d{1,3})\]`)
	// plainFootnote matches "1 Danh mục …" after a separator line.
	plainFootnote = regexp.MustCompile(`^\s*(\d{1,3})\s+(\p{Lu}.*)$`)
	loneNumber    = regexp.MustCompile(`^\s*(\d{1,3})\s*$`)
	mdHeading     = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+`)
	mdLink        = regexp.MustCompile(`<(https?://[^>\s]+)>|\[([^\]]*)\]\((https?://[^)\s]+)\)`)
	pipeSep       = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
)

var supDigits = strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9", "⁽", "", "⁾", "")

func (p *parser) run() {
	// First pass: find plain footnote bodies (PDF text exports) so that
	// lone-number lines in the body can be recognised as their markers.
	plain := p.plainFootnotes()
	p.bracketDefs = map[string]bool{}
	for _, l := range p.lines {
		if m := bracketFootnoteDef.FindStringSubmatch(l); m != nil {
			p.bracketDefs[m[1]] = true
		}
	}
	spaceRows := spaceTableRows(p.lines)
	inFootnote := false
	var fn *extract.Footnote
	for i := 0; i < len(p.lines); i++ {
		raw := strings.TrimRight(p.lines[i], " \t\r")
		lineNo := i + 1
		if id, ok := plain[i]; ok {
			p.flush()
			m := plainFootnote.FindStringSubmatch(raw)
			p.doc.Footnotes = append(p.doc.Footnotes, extract.Footnote{ID: id, Lines: []extract.Line{{Text: m[2], Pos: extract.Pos{Line: lineNo}}},
				Ref: extract.Pos{Line: p.refs[id]}})
			fn = &p.doc.Footnotes[len(p.doc.Footnotes)-1]
			inFootnote = true
			continue
		}
		if inFootnote {
			// A plain footnote runs until a line of blanks (the page
			// end) or the next separator.
			if raw == "" && p.lines[i] == "" {
				continue
			}
			if strings.TrimSpace(raw) == "" {
				inFootnote = false
				fn = nil
				continue
			}
			fn.Lines = append(fn.Lines, extract.Line{Text: strings.TrimSpace(raw), Pos: extract.Pos{Line: lineNo}})
			continue
		}
		if strings.TrimSpace(raw) == "" {
			p.flush()
			continue
		}
		// Markdown footnote definitions and superscript-led footnotes.
		if m := mdFootnoteDef.FindStringSubmatch(raw); m != nil {
			p.flush()
			p.addFootnote(m[1], m[2], lineNo)
			continue
		}
		if m := bracketFootnoteDef.FindStringSubmatch(raw); m != nil && p.refs[m[1]] > 0 {
			p.flush()
			p.addFootnote(m[1], m[2], lineNo)
			continue
		}
		if t := strings.TrimSpace(raw); startsSuperscript(t) {
			if loc := supMarker.FindStringIndex(t); loc != nil && loc[0] == 0 {
				id := supDigits.Replace(t[:loc[1]])
				if rest := strings.TrimSpace(t[loc[1]:]); rest != "" {
					p.flush()
					p.addFootnote(id, rest, lineNo)
					continue
				}
			}
		}
		// A lone number that is a known footnote's marker.
		if m := loneNumber.FindStringSubmatch(raw); m != nil && plainIDs(plain)[m[1]] {
			switch {
			case p.cur != nil:
				p.cur.FootnoteRefs = append(p.cur.FootnoteRefs, m[1])
			case len(p.doc.Blocks) > 0:
				// The marker sits between blank lines, after the block
				// it belongs to.
				last := &p.doc.Blocks[len(p.doc.Blocks)-1]
				last.FootnoteRefs = append(last.FootnoteRefs, m[1])
			}
			p.setRef(m[1], lineNo)
			continue
		}
		// Tables: tab-separated or pipe rows. A "label<TAB>value" line
		// is a row when a neighbouring line has a tab too; a line whose
		// columns are aligned with runs of spaces (pdftotext -layout) is
		// a row when it belongs to a run of three such lines.
		cells, ok := tableCells(raw)
		if !ok && spaceRows[i] {
			cells, ok = spaceCells(raw), true
		}
		if !ok && strings.Count(raw, "\t") == 1 && (hasTab(p.lines, i-1) || hasTab(p.lines, i+1)) {
			cells, ok = strings.Split(raw, "\t"), true
			for ci := range cells {
				cells[ci] = strings.TrimSpace(cells[ci])
			}
		}
		if ok {
			p.flush()
			if pipeSep.MatchString(raw) {
				if n := len(p.tableRows); n > 0 {
					p.tableRows[n-1].Header = true
				}
				continue
			}
			row := extract.Row{}
			for ci, c := range cells {
				text, _ := p.stripMarkers(cleanMarkdown(c))
				row.Cells = append(row.Cells, extract.Cell{Text: text, Pos: extract.Pos{Line: lineNo, Table: p.tableN + 1, Row: len(p.tableRows) + 1, Cell: ci + 1}})
			}
			p.tableRows = append(p.tableRows, row)
			continue
		}
		p.flushTable()
		text := cleanMarkdown(raw)
		kind := extract.Paragraph
		level := 0
		if m := mdHeading.FindStringSubmatch(raw); m != nil {
			kind, level = extract.Heading, len(m[1])
			p.flush()
		}
		text, refs := p.stripMarkers(text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		if p.cur == nil {
			p.cur = &extract.Block{Kind: kind, Level: level}
		}
		p.cur.Lines = append(p.cur.Lines, extract.Line{Text: text, Pos: extract.Pos{Line: lineNo}})
		for _, id := range refs {
			p.cur.FootnoteRefs = append(p.cur.FootnoteRefs, id)
			p.setRef(id, lineNo)
		}
		if kind == extract.Heading {
			p.flush()
		}
	}
	p.flush()
	p.flushTable()
	// Refs of footnotes defined before their use (rare) are set when
	// the reference is met; footnotes never referenced keep Ref zero.
}

// stripMarkers removes superscript and Markdown footnote markers from a
// line and returns their ids.
func (p *parser) stripMarkers(s string) (string, []string) {
	var refs []string
	if len(p.bracketDefs) > 0 && strings.Contains(s, "[") && !bracketFootnoteDef.MatchString(s) {
		s = bracketRef.ReplaceAllStringFunc(s, func(m string) string {
			id := bracketRef.FindStringSubmatch(m)[1]
			if !p.bracketDefs[id] {
				return m
			}
			refs = append(refs, id)
			return ""
		})
	}
	if !strings.Contains(s, "[^") && !hasSuperscript(s) {
		return s, refs
	}
	s = mdFootnoteRef.ReplaceAllStringFunc(s, func(m string) string {
		refs = append(refs, mdFootnoteRef.FindStringSubmatch(m)[1])
		return ""
	})
	s = supMarker.ReplaceAllStringFunc(s, func(m string) string {
		refs = append(refs, supDigits.Replace(m))
		return ""
	})
	return s, refs
}

func (p *parser) setRef(id string, line int) {
	for i := range p.doc.Footnotes {
		if p.doc.Footnotes[i].ID == id && p.doc.Footnotes[i].Ref == (extract.Pos{}) {
			p.doc.Footnotes[i].Ref = extract.Pos{Line: line}
		}
	}
	p.pendingRef(id, line)
}

// refLines remembers where markers were seen before their footnote.
func (p *parser) pendingRef(id string, line int) {
	if p.refs == nil {
		p.refs = map[string]int{}
	}
	if _, ok := p.refs[id]; !ok {
		p.refs[id] = line
	}
}

func (p *parser) addFootnote(id, text string, line int) {
	f := extract.Footnote{ID: id, Lines: []extract.Line{{Text: cleanMarkdown(text), Pos: extract.Pos{Line: line}}}}
	if l, ok := p.refs[id]; ok {
		f.Ref = extract.Pos{Line: l}
	}
	p.doc.Footnotes = append(p.doc.Footnotes, f)
}

func (p *parser) flush() {
	if p.cur != nil && len(p.cur.Lines) > 0 {
		p.doc.Blocks = append(p.doc.Blocks, *p.cur)
	}
	p.cur = nil
}

func (p *parser) flushTable() {
	if len(p.tableRows) == 0 {
		return
	}
	p.tableN++
	p.doc.Blocks = append(p.doc.Blocks, extract.Block{Kind: extract.TableKind, Table: &extract.Table{Rows: p.tableRows}})
	p.tableRows = nil
}

// plainFootnotes finds footnote bodies of PDF text exports: a line of
// 20 or more blanks followed (after blank lines) by "N Text…", where a
// line holding only N appears earlier in the body. It returns the line
// indexes of the footnote starts with their ids.
func (p *parser) plainFootnotes() map[int]string {
	out := map[int]string{}
	lone := map[string]bool{}
	for i, l := range p.lines {
		if m := loneNumber.FindStringSubmatch(l); m != nil {
			lone[m[1]] = true
		}
		if len(l) >= 20 && strings.TrimSpace(l) == "" {
			for j := i + 1; j < len(p.lines) && j <= i+3; j++ {
				if strings.TrimSpace(p.lines[j]) == "" {
					continue
				}
				if m := plainFootnote.FindStringSubmatch(p.lines[j]); m != nil && lone[m[1]] {
					out[j] = m[1]
				}
				break
			}
		}
	}
	return out
}

func plainIDs(m map[int]string) map[string]bool {
	ids := map[string]bool{}
	for _, id := range m {
		ids[id] = true
	}
	return ids
}

// spaceGap separates the columns of a space-aligned table row.
var spaceGap = regexp.MustCompile(`\S(?: {2,}|\t+)\S`)

// spaceCells splits a space-aligned row at runs of two or more spaces.
func spaceCells(line string) []string {
	var cells []string
	for _, c := range regexp.MustCompile(` {2,}|\t+`).Split(strings.TrimSpace(line), -1) {
		cells = append(cells, strings.TrimSpace(c))
	}
	return cells
}

// spaceTableRows marks the lines that belong to runs of three or more
// consecutive lines each holding at least three space-separated columns.
func spaceTableRows(lines []string) map[int]bool {
	rows := map[int]bool{}
	start := -1
	flush := func(end int) {
		if start >= 0 && end-start >= 3 {
			for k := start; k < end; k++ {
				rows[k] = true
			}
		}
		start = -1
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && (strings.Contains(t, "  ") || strings.Contains(t, "\t")) && !strings.Contains(t, "|") && len(spaceGap.FindAllStringIndex(t, -1)) >= 2 {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(lines))
	return rows
}

// hasTab reports whether line i exists and holds a tab.
func hasTab(lines []string, i int) bool {
	return i >= 0 && i < len(lines) && strings.Contains(lines[i], "\t")
}

// tableCells splits a table row: three or more tab-separated fields, or
// a Markdown pipe row (with or without its outer pipes).
func tableCells(line string) ([]string, bool) {
	if strings.Count(line, "\t") >= 2 {
		cells := strings.Split(line, "\t")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells, true
	}
	t := strings.TrimSpace(line)
	outer := strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && strings.Count(t, "|") >= 3
	// GitHub-style rows may omit the outer pipes: "STT | Tên | Kinh phí".
	bare := !outer && strings.Count(t, " | ") >= 2
	if outer || bare {
		if outer {
			t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
		}
		cells := strings.Split(t, "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells, true
	}
	return nil, false
}

// cleanMarkdown removes emphasis markers, heading hashes and link
// brackets, keeping the visible text.
func cleanMarkdown(s string) string {
	if strings.HasPrefix(strings.TrimLeft(s, " "), "#") {
		s = mdHeading.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "http") {
		s = mdLink.ReplaceAllStringFunc(s, func(m string) string {
			sm := mdLink.FindStringSubmatch(m)
			if sm[1] != "" {
				return sm[1]
			}
			return sm[2]
		})
	}
	if strings.Contains(s, "*") {
		// Emphasis: drop runs of asterisks that touch a word boundary;
		// keep a lone "*" used as a bullet or footnote sign.
		var b strings.Builder
		rs := []rune(s)
		for i := 0; i < len(rs); i++ {
			if rs[i] != '*' {
				b.WriteRune(rs[i])
				continue
			}
			j := i
			for j < len(rs) && rs[j] == '*' {
				j++
			}
			before := i > 0 && !unicode.IsSpace(rs[i-1])
			after := j < len(rs) && !unicode.IsSpace(rs[j])
			if !before && !after {
				b.WriteString(string(rs[i:j]))
			}
			i = j - 1
		}
		s = b.String()
	}
	s = strings.ReplaceAll(s, `\`, "")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.TrimRight(s, " ")
}

// hasSuperscript reports whether s holds a superscript digit or
// parenthesis (U+00B2, U+00B3, U+00B9, U+2070–U+207F), testing bytes
// rather than decoding runes.
func hasSuperscript(s string) bool {
	return strings.Contains(s, "\xe2\x81") && strings.ContainsAny(s, "⁰⁴⁵⁶⁷⁸⁹⁽⁾") ||
		strings.Contains(s, "\xc2") && strings.ContainsAny(s, "¹²³")
}

// startsSuperscript reports whether s starts with a superscript digit or
// parenthesis.
func startsSuperscript(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁾'
}
