package docx

import (
	"context"
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/extract"
)

// Bounds on hostile nesting.
const (
	maxNest   = 32  // nested tables and text-box paragraphs read
	maxFields = 64  // nested fields tracked
	maxInstr  = 256 // bytes of a field instruction kept
	maxSpan   = 1000
)

// parser turns WordprocessingML parts into blocks and footnotes. One
// parser reads the main part and then the notes parts of a file.
type parser struct {
	ctx context.Context
	st  *styles

	counting bool // whether w:p elements count as body paragraphs
	paras    int  // body paragraphs seen
	tables   int  // top-level tables seen
	nest     int  // current recursion depth
	fields   []field
	overflow int    // fields begun beyond maxFields
	ac       []bool // per open mc:AlternateContent: a branch was taken

	blocks   []extract.Block
	refPos   map[string]extract.Pos
	refOrder []string
	skipped  []skippedPart
}

// skippedPart is content the reader does not read, referenced from the
// body through a relationship: imported content (w:altChunk), an
// embedded object (o:OLEObject), a chart (c:chart).
type skippedPart struct {
	what  string // what it is, for the warning
	relID string // the relationship that names its part
}

// field is an open complex or simple field.
type field struct {
	instr  string
	result bool // between w:fldChar separate and end (always, for fldSimple)
	drop   bool // a field whose result is not document text
}

func newParser(ctx context.Context, st *styles) *parser {
	return &parser{ctx: ctx, st: st, refPos: map[string]extract.Pos{}}
}

// para collects one paragraph.
type para struct {
	text     strings.Builder
	style    string
	numSet   bool // w:numPr/w:numId present on the paragraph
	numbered bool
	ilvl     int // -1 when not set on the paragraph
	outline  int // direct w:outlineLvl + 1, or 0
	baseFont string
	runFont  string
	fonts    map[string]int
	refs     []string
}

// final returns the paragraph's text, NFC and trimmed.
func (pa *para) final() string {
	return norm.NFC.String(strings.TrimSpace(pa.text.String()))
}

// font returns the dominant font of the paragraph when it is a legacy
// Vietnamese font, and "" otherwise.
func (pa *para) font() string {
	best, n := "", 0
	for f, c := range pa.fonts {
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	if isLegacyFont(best) {
		return best
	}
	return ""
}

// add appends text of the current run, unless a field hides it.
func (p *parser) add(pa *para, s string) {
	for _, f := range p.fields {
		if !f.result || f.drop {
			return
		}
	}
	pa.text.WriteString(s)
	font := pa.runFont
	if font == "" {
		font = pa.baseFont
	}
	if font == "" {
		return
	}
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	if n > 0 {
		if pa.fonts == nil {
			pa.fonts = map[string]int{}
		}
		pa.fonts[font] += n
	}
}

// addRefs records where notes are first referenced.
func (p *parser) addRefs(ids []string, pos extract.Pos) {
	for _, id := range ids {
		if _, ok := p.refPos[id]; !ok {
			p.refPos[id] = pos
			p.refOrder = append(p.refOrder, id)
		}
	}
}

// generic handles an element the caller does not interpret. It reports
// whether the caller should read on into the element's content; when it
// returns false it has consumed the element.
func (p *parser) generic(d decoder, se xml.StartElement) (bool, error) {
	n := se.Name
	switch {
	case n.Local == "OLEObject" && (n.Space == nsOffice || n.Space == "o"):
		what := "embedded object"
		if prog := attr(se, "ProgID"); prog != "" {
			what += " (" + prog + ")"
		}
		p.skipped = append(p.skipped, skippedPart{what, attr(se, "id")})
		return false, d.Skip()
	case n.Local == "chart" && (n.Space == nsChart || n.Space == "c"):
		p.skipped = append(p.skipped, skippedPart{"chart", attr(se, "id")})
		return false, d.Skip()
	}
	if n.Space == nsMC || n.Space == "mc" {
		switch n.Local {
		case "AlternateContent":
			p.ac = append(p.ac, false)
		case "Choice", "Fallback":
			if len(p.ac) > 0 && !p.ac[len(p.ac)-1] {
				p.ac[len(p.ac)-1] = true
				return true, nil
			}
			return false, d.Skip()
		}
		return true, nil
	}
	if !inW(n) {
		return true, nil
	}
	switch n.Local {
	case "del", "moveFrom", "delText", "delInstrText", "instrText",
		"sdtPr", "sdtEndPr", "pPrChange", "rPrChange", "sectPr", "sectPrChange",
		"tblPr", "tblGrid", "tblPrEx", "trPr", "tcPr", "pPr", "rPr",
		"footnotePr", "endnotePr":
		return false, d.Skip()
	case "altChunk":
		p.skipped = append(p.skipped, skippedPart{"imported content (w:altChunk)", attr(se, "id")})
		return false, d.Skip()
	}
	return true, nil
}

// genericEnd closes what generic opened.
func (p *parser) genericEnd(ee xml.EndElement) {
	if (ee.Name.Space == nsMC || ee.Name.Space == "mc") && ee.Name.Local == "AlternateContent" && len(p.ac) > 0 {
		p.ac = p.ac[:len(p.ac)-1]
	}
}

// body reads the main document part.
func (p *parser) body(d decoder) error {
	p.counting = true
	defer func() { p.counting = false }()
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case isW(t.Name, "p"):
				n := p.paras + 1
				pa, err := p.paragraph(d)
				if err != nil {
					return err
				}
				p.bodyBlock(pa, n)
			case isW(t.Name, "tbl"):
				if err := p.table(d); err != nil {
					return err
				}
			default:
				if _, err := p.generic(d, t); err != nil {
					return err
				}
			}
		case xml.EndElement:
			p.genericEnd(t)
		}
	}
}

// bodyBlock adds the block for body paragraph number n.
func (p *parser) bodyBlock(pa *para, n int) {
	pos := extract.Pos{Line: n}
	p.addRefs(pa.refs, pos)
	text := pa.final()
	if text == "" {
		return
	}
	b := extract.Block{Kind: extract.Paragraph, FootnoteRefs: pa.refs}
	level := pa.outline
	if level == 0 {
		level = p.st.headingLevel(pa.style)
	}
	if level > 0 {
		b.Kind, b.Level = extract.Heading, level
	} else {
		numbered, ilvl := p.st.numbering(pa.style)
		if pa.numSet {
			numbered = pa.numbered
		}
		if pa.ilvl >= 0 {
			ilvl = pa.ilvl
		}
		if numbered {
			b.Kind, b.Level = extract.ListItem, ilvl+1
		}
	}
	b.Lines = []extract.Line{{Text: text, Pos: pos, Font: pa.font()}}
	p.blocks = append(p.blocks, b)
}

// paragraph reads a w:p whose start tag was just read. It counts the
// paragraph when reading the body.
func (p *parser) paragraph(d decoder) (*para, error) {
	if p.counting {
		p.paras++
	}
	// Field instructions do not run across paragraphs; an unfinished
	// one is damage, and must not hide the rest of the document.
	k := 0
	for _, f := range p.fields {
		if f.result {
			p.fields[k] = f
			k++
		}
	}
	p.fields = p.fields[:k]
	pa := &para{ilvl: -1, baseFont: p.st.paraFont("")}
	return pa, p.inline(d, pa, false)
}

// inline reads the content of a paragraph (or of a nested paragraph or
// simple field, when nested) up to its end tag.
func (p *parser) inline(d decoder, pa *para, nested bool) error {
	return p.content(d, func(t xml.StartElement, depth int) (bool, error) {
		if t.Name.Local == "t" && (t.Name.Space == nsMath || t.Name.Space == nsMStrict || t.Name.Space == "m") {
			s, err := d.text()
			p.add(pa, s)
			return true, err
		}
		if !inW(t.Name) {
			return false, nil
		}
		var err error
		switch t.Name.Local {
		case "pPr":
			if nested || depth > 0 {
				err = d.Skip()
			} else {
				err = p.pPr(d, pa)
			}
		case "r":
			pa.runFont = ""
			return false, nil // read on into the run
		case "rPr":
			err = p.rPr(d, pa)
		case "t":
			var s string
			if s, err = d.text(); err == nil {
				p.add(pa, s)
			}
		case "instrText":
			var s string
			if s, err = d.text(); err == nil && len(p.fields) > 0 {
				f := &p.fields[len(p.fields)-1]
				if !f.result && len(f.instr) < maxInstr {
					f.instr += s
				}
			}
		case "tab", "br", "cr", "ptab":
			p.add(pa, " ")
			err = d.Skip()
		case "noBreakHyphen":
			p.add(pa, "-")
			err = d.Skip()
		case "fldChar":
			p.fldChar(attr(t, "fldCharType"))
			err = d.Skip()
		case "fldSimple":
			p.fields = append(p.fields, field{result: true, drop: dropField(attr(t, "instr"))})
			p.nest++
			if p.nest > maxNest {
				err = d.Skip()
			} else {
				err = p.inline(d, pa, true)
			}
			p.nest--
			p.fields = p.fields[:len(p.fields)-1]
		case "footnoteReference":
			pa.refs = append(pa.refs, attr(t, "id"))
			err = d.Skip()
		case "endnoteReference":
			pa.refs = append(pa.refs, "e"+attr(t, "id"))
			err = d.Skip()
		case "softHyphen", "sym", "footnoteRef", "endnoteRef", "separator",
			"continuationSeparator", "commentReference", "annotationRef",
			"pgNum", "dayShort", "monthShort", "yearShort", "dayLong", "monthLong", "yearLong":
			err = d.Skip()
		case "p":
			// A paragraph of a text box anchored in this one.
			p.nest++
			if p.nest > maxNest {
				err = d.Skip()
			} else {
				p.add(pa, " ")
				err = p.inline(d, pa, true)
				p.add(pa, " ")
			}
			p.nest--
		default:
			return false, nil
		}
		return true, err
	})
}

// content reads the content of the element whose start tag was just
// read, up to its end tag. Each start element inside goes to start, with
// its depth (0 for a child); when start reports it handled the element
// (and read it to its end), the walk goes on after it, else generic
// decides whether to read on into it or skip it.
func (p *parser) content(d decoder, start func(se xml.StartElement, depth int) (bool, error)) error {
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			p.genericEnd(t)
		case xml.StartElement:
			handled, err := start(t, depth)
			if err != nil {
				return err
			}
			if handled {
				continue
			}
			descend, err := p.generic(d, t)
			if err != nil {
				return err
			}
			if descend {
				depth++
			}
		}
	}
}

// pPr reads paragraph properties.
func (p *parser) pPr(d decoder, pa *para) error {
	err := props(d, []string{"rPr", "pPrChange", "sectPr", "tabs", "framePr"}, func(t xml.StartElement) {
		switch t.Name.Local {
		case "pStyle":
			pa.style = wval(t)
		case "numId":
			pa.numSet = true
			pa.numbered = wval(t) != "0"
		case "ilvl":
			if n, err := strconv.Atoi(wval(t)); err == nil && n >= 0 && n < 9 {
				pa.ilvl = n
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(wval(t)); err == nil && n >= 0 && n < 9 {
				pa.outline = n + 1
			}
		}
	})
	pa.baseFont = p.st.paraFont(pa.style)
	return err
}

// rPr reads run properties: the run's font.
func (p *parser) rPr(d decoder, pa *para) error {
	direct, styled := "", ""
	err := props(d, []string{"rPrChange"}, func(t xml.StartElement) {
		switch t.Name.Local {
		case "rFonts":
			direct = fontOf(t)
		case "rStyle":
			styled = p.st.font(wval(t))
		}
	})
	if direct != "" {
		pa.runFont = direct
	} else {
		pa.runFont = styled
	}
	return err
}

// fldChar tracks the parts of a complex field.
func (p *parser) fldChar(typ string) {
	switch typ {
	case "begin":
		if len(p.fields) >= maxFields {
			p.overflow++
			return
		}
		p.fields = append(p.fields, field{})
	case "separate":
		if p.overflow == 0 && len(p.fields) > 0 {
			f := &p.fields[len(p.fields)-1]
			f.result = true
			f.drop = dropField(f.instr)
		}
	case "end":
		if p.overflow > 0 {
			p.overflow--
		} else if len(p.fields) > 0 {
			p.fields = p.fields[:len(p.fields)-1]
		}
	}
}

// dropField reports whether the result of a field with instruction
// instr is not document text: page numbers, and tables of contents,
// which repeat the headings.
func dropField(instr string) bool {
	w := strings.Fields(instr)
	if len(w) == 0 {
		return false
	}
	switch strings.ToUpper(w[0]) {
	case "PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION", "TOC":
		return true
	}
	return false
}

// tableState collects a top-level table.
type tableState struct {
	index int
	rows  []extract.Row
	above map[int]string // text of the last cell in each grid column
	refs  []string
}

// table reads a w:tbl whose start tag was just read.
func (p *parser) table(d decoder) error {
	p.nest++
	defer func() { p.nest-- }()
	if p.nest > maxNest {
		return d.Skip()
	}
	p.tables++
	tb := &tableState{index: p.tables, above: map[int]string{}}
	err := p.content(d, func(t xml.StartElement, _ int) (bool, error) {
		if !isW(t.Name, "tr") {
			return false, nil
		}
		return true, p.row(d, tb)
	})
	if err != nil {
		return err
	}
	if len(tb.rows) > 0 {
		p.blocks = append(p.blocks, extract.Block{
			Kind:         extract.TableKind,
			Table:        &extract.Table{Rows: tb.rows},
			FootnoteRefs: tb.refs,
		})
	}
	return nil
}

// row reads a w:tr whose start tag was just read.
func (p *parser) row(d decoder, tb *tableState) error {
	r := extract.Row{}
	num := len(tb.rows) + 1
	col := 1
	err := p.content(d, func(t xml.StartElement, depth int) (bool, error) {
		switch {
		case isW(t.Name, "trPr") && depth == 0:
			return true, p.trPr(d, &r, &col)
		case isW(t.Name, "tc"):
			return true, p.cell(d, tb, &r, num, &col)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if len(r.Cells) > 0 {
		tb.rows = append(tb.rows, r)
	}
	return nil
}

// trPr reads row properties: header rows and skipped grid columns.
func (p *parser) trPr(d decoder, r *extract.Row, col *int) error {
	return props(d, []string{"trPrChange"}, func(t xml.StartElement) {
		switch t.Name.Local {
		case "tblHeader":
			r.Header = onOff(t)
		case "gridBefore":
			if n, err := strconv.Atoi(wval(t)); err == nil && n > 0 && n < maxSpan {
				*col += n
			}
		}
	})
}

// cell reads a w:tc whose start tag was just read, at grid column *col
// of row number num.
func (p *parser) cell(d decoder, tb *tableState, r *extract.Row, num int, col *int) error {
	span, vmerge, hcont := 1, "", false
	first := 0
	var texts []string
	// A nested table is read on into: its paragraphs become lines of
	// this cell.
	err := p.content(d, func(t xml.StartElement, depth int) (bool, error) {
		switch {
		case isW(t.Name, "tcPr") && depth == 0:
			return true, p.tcPr(d, &span, &vmerge, &hcont)
		case isW(t.Name, "p"):
			n := p.paras + 1
			if first == 0 {
				first = n
			}
			pa, err := p.paragraph(d)
			if err != nil {
				return true, err
			}
			if s := pa.final(); s != "" {
				texts = append(texts, s)
			}
			p.addRefs(pa.refs, extract.Pos{Line: n, Table: tb.index, Row: num, Cell: *col})
			tb.refs = append(tb.refs, pa.refs...)
			return true, nil
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	if hcont && len(r.Cells) > 0 {
		r.Cells[len(r.Cells)-1].Span += span
		*col += span
		return nil
	}
	text := strings.Join(texts, "\n")
	if vmerge == "continue" {
		if above, ok := tb.above[*col]; ok {
			text = above
		}
	} else {
		tb.above[*col] = text
	}
	r.Cells = append(r.Cells, extract.Cell{
		Text: text,
		Pos:  extract.Pos{Line: first, Table: tb.index, Row: num, Cell: *col},
		Span: span,
	})
	*col += span
	return nil
}

// tcPr reads cell properties: spans and merges.
func (p *parser) tcPr(d decoder, span *int, vmerge *string, hcont *bool) error {
	return props(d, []string{"tcPrChange"}, func(t xml.StartElement) {
		switch t.Name.Local {
		case "gridSpan":
			if n, err := strconv.Atoi(wval(t)); err == nil && n > 0 && n < maxSpan {
				*span = n
			}
		case "vMerge":
			if wval(t) == "restart" {
				*vmerge = "restart"
			} else {
				*vmerge = "continue"
			}
		case "hMerge":
			*hcont = wval(t) != "restart"
		}
	})
}

// props reads a properties element (w:pPr, w:rPr, w:trPr, w:tcPr)
// whose start tag was just read, up to its end, calling set for each
// WordprocessingML element inside. The elements named in skip are
// skipped whole: tracked changes (the old properties) and nested
// properties that do not apply.
func props(d decoder, skip []string, set func(xml.StartElement)) error {
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		case xml.StartElement:
			if inW(t.Name) {
				if slices.Contains(skip, t.Name.Local) {
					if err := d.Skip(); err != nil {
						return err
					}
					continue
				}
				set(t)
			}
			depth++
		}
	}
}

// notes reads a footnotes or endnotes part, calling emit for each note
// that is not a separator. IDs get prefix.
func (p *parser) notes(d decoder, prefix string, emit func(*extract.Footnote)) error {
	p.counting = false
	return d.eachStart(func(se xml.StartElement) error {
		if !isW(se.Name, "footnote") && !isW(se.Name, "endnote") {
			return nil
		}
		switch attr(se, "type") {
		case "separator", "continuationSeparator", "continuationNotice":
			return d.Skip()
		}
		fn := &extract.Footnote{ID: prefix + attr(se, "id")}
		p.fields = p.fields[:0]
		p.overflow = 0
		if err := p.note(d, fn); err != nil {
			return err
		}
		emit(fn)
		return nil
	})
}

// note reads the paragraphs of one footnote or endnote.
func (p *parser) note(d decoder, fn *extract.Footnote) error {
	return p.content(d, func(t xml.StartElement, _ int) (bool, error) {
		if !isW(t.Name, "p") {
			return false, nil
		}
		pa, err := p.paragraph(d)
		if err != nil {
			return true, err
		}
		if s := pa.final(); s != "" {
			fn.Lines = append(fn.Lines, extract.Line{Text: s, Font: pa.font()})
		}
		return true, nil
	})
}
