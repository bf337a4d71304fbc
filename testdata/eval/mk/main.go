// Command mk converts a Markdown or text report of the evaluation set
// (testdata/eval) into a DOCX or a PDF with the same stem, so that the
// report's gold file <stem>.json scores the converted file too.
//
// Usage, from the module root:
//
//	go run ./testdata/eval/mk                        # regenerate the default set
//	go run ./testdata/eval/mk -to docx FILE.md ...   # convert other reports
//	go run ./testdata/eval/mk -to pdf -join FILE.txt # join hard-wrapped lines
//
// The output goes beside the source: ha-noi-2023.md → ha-noi-2023.docx.
// Output is deterministic: the same source gives the same bytes.
//
// What is converted:
//
//   - "# …" headings become headings (DOCX style "heading N"; bold in PDF).
//   - Every other non-blank line is one paragraph (with -join, lines up to
//     a blank line, a heading or a list item are joined, for hard-wrapped
//     text). List markers ("- ", "1. ") stay in the text.
//   - Pipe tables (rows before the |---| line are header rows) and runs of
//     tab-separated lines (first row is the header) become real tables:
//     w:tbl with w:tblHeader rows in DOCX, bordered cells in PDF.
//   - Footnotes: Markdown "[^n]" references with "[^n]: text" definitions,
//     and superscript markers "¹", "⁽¹⁾" with definitions "¹ text" /
//     "⁽¹⁾ text" after a "_____" rule. They become real footnotes
//     (w:footnoteReference + word/footnotes.xml) in DOCX, and small raised
//     digits with the footnote text at the bottom of the same page in PDF.
//     Footnotes are renumbered 1, 2, … in order of first reference. A
//     marker without a definition stays in the text as written.
//   - "**bold**" and "*italic*" become plain text; "&nbsp;" a space.
package main

import (
	"archive/zip"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// defaults is the set regenerated when mk runs without file arguments,
// relative to the module root.
var defaults = []struct{ src, to string }{
	{"testdata/eval/ha-noi-2023.md", "docx"},
	{"testdata/eval/nghe-an-2020.md", "docx"},
	{"testdata/eval/lam-dong-2024.md", "pdf"},
	{"testdata/eval/can-tho-2022.txt", "pdf"},
}

func main() {
	to := flag.String("to", "", "output format for the FILE arguments: docx or pdf")
	join := flag.Bool("join", false, "join consecutive lines into one paragraph (hard-wrapped text)")
	font := flag.String("font", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "TrueType font for PDFs")
	bold := flag.String("bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "bold TrueType font for PDF headings")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: mk [-to docx|pdf [-join] FILE...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	type job struct{ src, to string }
	var jobs []job
	if flag.NArg() == 0 {
		if *to != "" {
			flag.Usage()
			os.Exit(2)
		}
		for _, d := range defaults {
			jobs = append(jobs, job{d.src, d.to})
		}
	} else {
		if *to != "docx" && *to != "pdf" {
			flag.Usage()
			os.Exit(2)
		}
		for _, f := range flag.Args() {
			jobs = append(jobs, job{f, *to})
		}
	}
	for _, j := range jobs {
		if err := convert(j.src, j.to, *join, *font, *bold); err != nil {
			fmt.Fprintf(os.Stderr, "mk: %s: %v\n", j.src, err)
			os.Exit(1)
		}
	}
}

func convert(src, to string, join bool, font, bold string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	d := parse(string(data), join)
	out := strings.TrimSuffix(src, filepath.Ext(src)) + "." + to
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	switch to {
	case "docx":
		err = writeDOCX(f, d)
	case "pdf":
		err = writePDF(f, d, font, bold)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out)
		return err
	}
	fmt.Printf("%s → %s (%d blocks, %d tables, %d footnotes)\n", src, out, len(d.blocks), d.tables(), len(d.notes))
	return nil
}

// ---------------------------------------------------------------------
// Document model and parsing

// piece is a run of text, or a footnote reference when note > 0 (the
// footnote's number, 1-based).
type piece struct {
	text string
	note int
}

type kind int

const (
	para kind = iota
	heading
	table
)

type block struct {
	kind   kind
	level  int         // heading level
	text   []piece     // para, heading
	rows   [][][]piece // table: rows of cells
	header int         // table: number of header rows
}

type doc struct {
	blocks []block
	notes  [][]piece // footnote n is notes[n-1]
}

func (d *doc) tables() int {
	n := 0
	for _, b := range d.blocks {
		if b.kind == table {
			n++
		}
	}
	return n
}

var (
	headingRE = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	listRE    = regexp.MustCompile(`^(?:[-*+•–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)`)
	mdDefRE   = regexp.MustCompile(`^\[\^([^\]\s]+)\]:\s*(.*)$`)
	supDefRE  = regexp.MustCompile(`^(⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$`)
	ruleRE    = regexp.MustCompile(`^_{5,}\s*$`)
	sepRowRE  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	markRE    = regexp.MustCompile(`\[\^([^\]\s]+)\]|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)`)
	boldRE    = regexp.MustCompile(`\*\*(.+?)\*\*|__(.+?)__`)
	italRE    = regexp.MustCompile(`(^|[^*\w])\*([^*\s](?:[^*]*[^*\s])?)\*`)
	spacesRE  = regexp.MustCompile(`[ \t\x{00A0}]+`)
)

// label maps a marker ("[^1]", "¹", "⁽¹⁾") to its label ("1").
func label(s string) string {
	if strings.HasPrefix(s, "[^") && strings.HasSuffix(s, "]") {
		return s[2 : len(s)-1]
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '¹':
			b.WriteByte('1')
		case r == '²':
			b.WriteByte('2')
		case r == '³':
			b.WriteByte('3')
		case r >= '⁰' && r <= '⁹':
			b.WriteRune('0' + (r - '⁰'))
		case r == '⁽' || r == '⁾':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parse reads a Markdown or text report.
func parse(src string, join bool) *doc {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	lines := strings.Split(src, "\n")

	// Pass 1: footnote definitions, removed from the body.
	defs := map[string]string{}
	body := make([]string, 0, len(lines))
	inNotes := false // after a "_____" rule
	lastDef := ""
	for _, l := range lines {
		t := strings.TrimRight(l, " \t")
		if m := mdDefRE.FindStringSubmatch(strings.TrimSpace(t)); m != nil {
			defs[m[1]] = m[2]
			lastDef = m[1]
			continue
		}
		if ruleRE.MatchString(t) {
			inNotes = true
			continue
		}
		if inNotes {
			if m := supDefRE.FindStringSubmatch(t); m != nil && m[2] != "" {
				id := label(m[1])
				defs[id] = m[2]
				lastDef = id
				continue
			}
			if t != "" && join && lastDef != "" {
				defs[lastDef] += " " + strings.TrimSpace(t)
				continue
			}
			inNotes = false
		}
		if lastDef != "" && join && t != "" && strings.HasPrefix(l, "    ") {
			defs[lastDef] += " " + strings.TrimSpace(t)
			continue
		}
		lastDef = ""
		body = append(body, t)
	}

	d := &doc{}
	number := map[string]int{}
	inline := func(s string) []piece {
		s = strings.ReplaceAll(s, "&nbsp;", " ")
		s = boldRE.ReplaceAllString(s, "$1$2")
		s = italRE.ReplaceAllString(s, "$1$2")
		s = strings.ReplaceAll(s, `\|`, "|")
		s = strings.TrimSpace(spacesRE.ReplaceAllString(s, " "))
		var out []piece
		add := func(t string) {
			if t == "" {
				return
			}
			if n := len(out); n > 0 && out[n-1].note == 0 {
				out[n-1].text += t
				return
			}
			out = append(out, piece{text: t})
		}
		last := 0
		for _, m := range markRE.FindAllStringSubmatchIndex(s, -1) {
			id := label(s[m[0]:m[1]])
			if _, ok := defs[id]; !ok {
				continue
			}
			add(s[last:m[0]])
			n, ok := number[id]
			if !ok {
				n = len(number) + 1
				number[id] = n
				d.notes = append(d.notes, nil)
			}
			out = append(out, piece{note: n})
			last = m[1]
		}
		add(s[last:])
		return out
	}
	var cur *block // open paragraph (join mode) or table
	flush := func() {
		if cur != nil {
			d.blocks = append(d.blocks, *cur)
			cur = nil
		}
	}
	var rawRows [][]string // open table's cells, before inline parsing
	var header int
	tableKind := "" // "pipe" or "tab"
	endTable := func() {
		if tableKind == "" {
			return
		}
		b := block{kind: table, header: header}
		for _, r := range rawRows {
			var row [][]piece
			for _, c := range r {
				row = append(row, inline(c))
			}
			b.rows = append(b.rows, row)
		}
		d.blocks = append(d.blocks, b)
		rawRows, header, tableKind = nil, 0, ""
	}
	for _, l := range body {
		t := strings.TrimSpace(l)
		isPipe := strings.HasPrefix(t, "|")
		isTab := !isPipe && strings.Contains(l, "\t")
		if tableKind == "pipe" && !isPipe || tableKind == "tab" && !isTab {
			endTable()
		}
		switch {
		case t == "":
			flush()
		case isPipe:
			flush()
			tableKind = "pipe"
			if sepRowRE.MatchString(t) {
				header = len(rawRows)
				continue
			}
			t = strings.TrimPrefix(strings.TrimSuffix(t, "|"), "|")
			cells := strings.Split(t, "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			rawRows = append(rawRows, cells)
		case isTab:
			flush()
			if tableKind == "" {
				header = 1
			}
			tableKind = "tab"
			cells := strings.Split(strings.TrimSpace(l), "\t")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			rawRows = append(rawRows, cells)
		case headingRE.MatchString(t):
			flush()
			m := headingRE.FindStringSubmatch(t)
			d.blocks = append(d.blocks, block{kind: heading, level: len(m[1]), text: inline(m[2])})
		default:
			if join && cur != nil && !listRE.MatchString(t) {
				cur.text = append(cur.text, piece{text: " "})
				cur.text = append(cur.text, inline(t)...)
				continue
			}
			flush()
			cur = &block{kind: para, text: inline(t)}
			if !join {
				flush()
			}
		}
	}
	flush()
	endTable()
	// Merge adjacent text pieces left by joining.
	for i := range d.blocks {
		d.blocks[i].text = merge(d.blocks[i].text)
	}
	// Footnote texts, in reference order; a footnote that refers to
	// another footnote numbers it as it comes.
	ids := make([]string, 0, len(number))
	for id := range number {
		ids = append(ids, id)
	}
	for i := 0; i < len(ids); i++ {
		for _, id := range ids {
			if number[id] == i+1 {
				d.notes[i] = inline(defs[id])
				for id2 := range number {
					if !slices.Contains(ids, id2) {
						ids = append(ids, id2)
					}
				}
				break
			}
		}
	}
	return d
}

func merge(ps []piece) []piece {
	var out []piece
	for _, p := range ps {
		if n := len(out); n > 0 && p.note == 0 && out[n-1].note == 0 {
			out[n-1].text += p.text
			continue
		}
		out = append(out, p)
	}
	return out
}

// ---------------------------------------------------------------------
// DOCX

// fixedTime stamps zip entries and PDF dates, so output is reproducible.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func runs(b *strings.Builder, ps []piece) {
	for _, p := range ps {
		if p.note > 0 {
			fmt.Fprintf(b, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, p.note)
			continue
		}
		b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(p.text) + `</w:t></w:r>`)
	}
}

// textLen is a rough width of the pieces in characters, for column
// widths.
func textLen(ps []piece) int {
	n := 0
	for _, p := range ps {
		n += len([]rune(p.text))
	}
	return n
}

func writeDOCX(w io.Writer, d *doc) error {
	var body strings.Builder
	body.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + wNS + `><w:body>`)
	for _, b := range d.blocks {
		switch b.kind {
		case heading:
			fmt.Fprintf(&body, `<w:p><w:pPr><w:pStyle w:val="Heading%d"/></w:pPr>`, min(b.level, 3))
			runs(&body, b.text)
			body.WriteString(`</w:p>`)
		case para:
			body.WriteString(`<w:p>`)
			runs(&body, b.text)
			body.WriteString(`</w:p>`)
		case table:
			cols := 0
			for _, r := range b.rows {
				cols = max(cols, len(r))
			}
			// Column widths (twentieths of a point) from the longest cell,
			// within the 9 638 twips of an A4 page with 2 cm margins.
			const total = 9638
			weights := make([]float64, cols)
			sum := 0.0
			for c := range cols {
				m := 3
				for _, r := range b.rows {
					if c < len(r) {
						m = max(m, textLen(r[c]))
					}
				}
				weights[c] = float64(min(m, 60))
				sum += weights[c]
			}
			body.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>`)
			widths := make([]int, cols)
			for c := range cols {
				widths[c] = int(total * weights[c] / sum)
				fmt.Fprintf(&body, `<w:gridCol w:w="%d"/>`, widths[c])
			}
			body.WriteString(`</w:tblGrid>`)
			for i, r := range b.rows {
				body.WriteString(`<w:tr>`)
				if i < b.header {
					body.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
				}
				for c := range cols {
					fmt.Fprintf(&body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>`, widths[c])
					if c < len(r) {
						if i < b.header {
							body.WriteString(`<w:pPr><w:jc w:val="center"/></w:pPr>`)
						}
						runs(&body, r[c])
					}
					body.WriteString(`</w:p></w:tc>`)
				}
				body.WriteString(`</w:tr>`)
			}
			body.WriteString(`</w:tbl><w:p/>`)
		}
	}
	body.WriteString(`<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`)

	var fn strings.Builder
	fn.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:footnotes " + wNS + `>`)
	fn.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>`)
	fn.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, n := range d.notes {
		fmt.Fprintf(&fn, `<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`, i+1)
		runs(&fn, n)
		fn.WriteString(`</w:p></w:footnote>`)
	}
	fn.WriteString(`</w:footnotes>`)

	parts := []struct{ name, content string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`},
		{"word/document.xml", body.String()},
		{"word/styles.xml", stylesXML},
		{"word/footnotes.xml", fn.String()},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.content); err != nil {
			return err
		}
	}
	return zw.Close()
}

const stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + wNS + `>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="100"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="80"/><w:jc w:val="left"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="22"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`

// ---------------------------------------------------------------------
// PDF

// Page geometry (mm) and type sizes (pt).
const (
	pageW, pageH      = 210.0, 297.0
	marginL, marginR  = 20.0, 20.0
	marginT, marginB  = 20.0, 20.0
	textW             = pageW - marginL - marginR
	bodyLimit         = pageH - marginB // lowest body line bottom
	bodySize, bodyLH  = 11.0, 5.5
	headSize, headLH  = 12.0, 6.0
	cellSize, cellLH  = 9.0, 4.5
	noteSize, noteLH  = 8.5, 4.0
	paraGap           = 4.0 // between paragraphs: > 1.6 line pitches
	cellPad           = 1.2
	noteRuleGap       = 3.0
	ptToMM            = 25.4 / 72
	supScale, supRise = 0.62, 0.34 // marker size and rise, as fractions of the text size
	footerY           = pageH - 10
)

type pdfW struct {
	pdf       *fpdf.Fpdf
	d         *doc
	y         float64 // top of the next line
	pageNotes []int   // footnotes referenced on the current page
	placed    map[int]bool
}

// word is what line breaking handles: glued pieces (a word and the
// footnote markers stuck to it).
type word []piece

func (p *pdfW) width(w word, size float64) float64 {
	total := 0.0
	for _, pc := range w {
		if pc.note > 0 {
			p.pdf.SetFontSize(size * supScale)
			total += p.pdf.GetStringWidth(strconv.Itoa(pc.note)) + 0.15
			continue
		}
		p.pdf.SetFontSize(size)
		total += p.pdf.GetStringWidth(pc.text)
	}
	p.pdf.SetFontSize(size)
	return total
}

func words(ps []piece) []word {
	var out []word
	var cur word
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, p := range ps {
		if p.note > 0 {
			cur = append(cur, p)
			continue
		}
		for i, part := range strings.Split(p.text, " ") {
			if i > 0 {
				flush()
			}
			if part != "" {
				cur = append(cur, piece{text: part})
			}
		}
	}
	flush()
	return out
}

// wrap breaks words into lines no wider than width.
func (p *pdfW) wrap(ps []piece, width, size float64) [][]word {
	p.pdf.SetFontSize(size)
	space := p.pdf.GetStringWidth(" ")
	var lines [][]word
	var cur []word
	curW := 0.0
	for _, w := range words(ps) {
		ww := p.width(w, size)
		if len(cur) > 0 && curW+space+ww > width {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW += space
		}
		cur = append(cur, w)
		curW += ww
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

func notesIn(ws []word) []int {
	var ns []int
	for _, w := range ws {
		for _, pc := range w {
			if pc.note > 0 {
				ns = append(ns, pc.note)
			}
		}
	}
	return ns
}

// drawLine writes one line with its baseline at y; justified lines
// spread the words over width.
func (p *pdfW) drawLine(ws []word, x, y, width, size float64, justify bool) {
	p.pdf.SetFontSize(size)
	space := p.pdf.GetStringWidth(" ")
	gap := space
	if justify && len(ws) > 1 {
		natural := 0.0
		for _, w := range ws {
			natural += p.width(w, size)
		}
		gap = (width - natural) / float64(len(ws)-1)
		if gap < space || gap > 4*space {
			gap = space
		}
	}
	for _, w := range ws {
		for _, pc := range w {
			if pc.note > 0 {
				p.pdf.SetFontSize(size * supScale)
				s := strconv.Itoa(pc.note)
				p.pdf.Text(x+0.15, y-size*supRise*ptToMM, s)
				x += p.pdf.GetStringWidth(s) + 0.15
				continue
			}
			p.pdf.SetFontSize(size)
			p.pdf.Text(x, y, pc.text)
			x += p.pdf.GetStringWidth(pc.text)
		}
		x += gap
	}
	p.pdf.SetFontSize(size)
}

// noteLines wraps footnote n for the bottom of the page.
func (p *pdfW) noteLines(n int) [][]word {
	p.pdf.SetFont("body", "", noteSize)
	return p.wrap(p.d.notes[n-1], textW-5, noteSize)
}

// notesHeight is the height of the footnote area holding ns.
func (p *pdfW) notesHeight(ns []int) float64 {
	if len(ns) == 0 {
		return 0
	}
	h := noteRuleGap
	for _, n := range ns {
		h += float64(len(p.noteLines(n)))*noteLH + 0.5
	}
	return h
}

// fits reports whether a block of height h referencing notes ns fits on
// the current page, with the footnotes already there.
func (p *pdfW) fits(h float64, ns []int) bool {
	all := append([]int(nil), p.pageNotes...)
	for _, n := range ns {
		if !p.placed[n] {
			all = append(all, n)
		}
	}
	return p.y+h <= bodyLimit-p.notesHeight(all)
}

func (p *pdfW) addNotes(ns []int) {
	for _, n := range ns {
		if !p.placed[n] {
			p.placed[n] = true
			p.pageNotes = append(p.pageNotes, n)
		}
	}
}

// finishPage writes the page's footnotes at its bottom.
func (p *pdfW) finishPage() {
	if len(p.pageNotes) == 0 {
		return
	}
	y := bodyLimit - p.notesHeight(p.pageNotes)
	p.pdf.SetLineWidth(0.2)
	p.pdf.Line(marginL, y+1, marginL+50, y+1)
	y += noteRuleGap
	for _, n := range p.pageNotes {
		lines := p.noteLines(n)
		for i, l := range lines {
			base := y + 0.78*noteLH
			if i == 0 {
				p.pdf.SetFontSize(noteSize * supScale)
				p.pdf.Text(marginL, base-noteSize*supRise*ptToMM, strconv.Itoa(n))
			}
			p.pdf.SetFont("body", "", noteSize)
			p.drawLine(l, marginL+2.5, base, textW-5, noteSize, i < len(lines)-1)
			y += noteLH
		}
		y += 0.5
	}
	p.pageNotes = nil
}

func (p *pdfW) newPage() {
	p.finishPage()
	p.pdf.AddPage()
	p.y = marginT
}

func (p *pdfW) paragraph(b block) {
	size, lh, style := bodySize, bodyLH, ""
	if b.kind == heading {
		size, lh, style = headSize, headLH, "B"
		p.y += 2
	}
	p.pdf.SetFont("body", style, size)
	lines := p.wrap(b.text, textW, size)
	if b.kind == heading && !p.fits(lh+2*bodyLH, nil) {
		// Keep a heading with the two lines after it.
		p.newPage()
	}
	for i, l := range lines {
		ns := notesIn(l)
		if !p.fits(lh, ns) {
			p.newPage()
		}
		p.addNotes(ns)
		p.pdf.SetFont("body", style, size) // fits measures notes in their font
		p.drawLine(l, marginL, p.y+0.78*lh, textW, size, b.kind == para && i < len(lines)-1)
		p.y += lh
	}
	p.y += paraGap
}

func (p *pdfW) table(b block) {
	cols := 0
	for _, r := range b.rows {
		cols = max(cols, len(r))
	}
	p.pdf.SetFont("body", "", cellSize)
	// Column widths: at least the longest word, then shared by content.
	minW := make([]float64, cols)
	natW := make([]float64, cols)
	for _, r := range b.rows {
		for c, cell := range r {
			for _, w := range words(cell) {
				minW[c] = max(minW[c], p.width(w, cellSize)+2*cellPad)
			}
			nat := p.width(flatten(words(cell)), cellSize)
			natW[c] = max(natW[c], nat+2*cellPad+1)
		}
	}
	widths := make([]float64, cols)
	sumMin, sumNat := 0.0, 0.0
	for c := range cols {
		minW[c] = max(minW[c], 8)
		natW[c] = max(natW[c], minW[c])
		sumMin += minW[c]
		sumNat += natW[c]
	}
	if sumNat <= textW {
		for c := range cols {
			widths[c] = natW[c] * textW / sumNat
		}
	} else {
		extra := textW - sumMin
		for c := range cols {
			widths[c] = minW[c] + extra*(natW[c]-minW[c])/(sumNat-sumMin)
		}
	}
	type laid struct {
		lines [][][]word
		h     float64
		notes []int
	}
	layout := func(r [][]piece) laid {
		var l laid
		n := 1
		for c := range cols {
			var cell [][]word
			if c < len(r) {
				cell = p.wrap(r[c], widths[c]-2*cellPad, cellSize)
				for _, ln := range cell {
					l.notes = append(l.notes, notesIn(ln)...)
				}
			}
			l.lines = append(l.lines, cell)
			n = max(n, len(cell))
		}
		l.h = float64(n)*cellLH + 2*cellPad
		return l
	}
	draw := func(l laid) {
		x := marginL
		p.pdf.SetFont("body", "", cellSize)
		p.pdf.SetLineWidth(0.25)
		for c := range cols {
			p.pdf.SetXY(x, p.y)
			p.pdf.CellFormat(widths[c], l.h, "", "1", 0, "L", false, 0, "")
			for i, ln := range l.lines[c] {
				p.drawLine(ln, x+cellPad, p.y+cellPad+float64(i)*cellLH+0.78*cellLH, widths[c]-2*cellPad, cellSize, false)
			}
			x += widths[c]
		}
		p.addNotes(l.notes)
		p.y += l.h
	}
	var head []laid
	for i, r := range b.rows {
		l := layout(r)
		if i < b.header {
			head = append(head, l)
		}
		if !p.fits(l.h, l.notes) {
			p.newPage()
			if i >= b.header {
				for _, h := range head {
					draw(h)
				}
			}
		}
		draw(l)
	}
	p.y += paraGap
}

func flatten(ws []word) word {
	var out word
	for i, w := range ws {
		if i > 0 {
			out = append(out, piece{text: " "})
		}
		out = append(out, w...)
	}
	return out
}

func writePDF(w io.Writer, d *doc, font, bold string) error {
	regular, err := os.ReadFile(font)
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	boldBytes, err := os.ReadFile(bold)
	if err != nil {
		return fmt.Errorf("font: %w", err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(fixedTime)
	pdf.SetModificationDate(fixedTime)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes("body", "", regular)
	pdf.AddUTF8FontFromBytes("body", "B", boldBytes)
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(false, marginB)
	pdf.SetFooterFunc(func() {
		pdf.SetFont("body", "", 9)
		s := strconv.Itoa(pdf.PageNo())
		pdf.Text((pageW-pdf.GetStringWidth(s))/2, footerY, s)
	})
	p := &pdfW{pdf: pdf, d: d, placed: map[int]bool{}}
	pdf.AddPage()
	p.y = marginT
	for _, b := range d.blocks {
		switch b.kind {
		case para, heading:
			p.paragraph(b)
		case table:
			p.table(b)
		}
	}
	p.finishPage()
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}
