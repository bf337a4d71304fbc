// Package extract turns a report file (PDF, DOCX, text or Markdown) into
// one document model: blocks of text in reading order, tables as rows of
// cells, and footnotes linked to where they are referenced.
//
// # Model
//
// A [Document] is a sequence of [Block]s in reading order. A paragraph
// block keeps the physical [Line]s it was laid out in, each with its
// [Pos], so that any character of a figure can be traced back to the
// page and line of the original. A table block holds a [Table]: rows of
// cells, each cell with its own position; a table broken across pages
// is one table block ([MergeTables]). Footnotes are kept apart from
// the body; a paragraph lists the footnote ids it references.
//
// Positions follow the JSON contract of `baocao extract --json`: for a
// PDF, Page is the 1-based page and Line the 1-based line on that page;
// for text and Markdown, Page is 0 and Line is the 1-based line of the
// file; for DOCX, Page is 0 and Line is the 1-based paragraph number in
// the body (tables count their paragraphs too).
//
// # Readers
//
// Each format has its own reader in a sub-package (extract/pdf,
// extract/docx, extract/text) that registers itself with [Register], in
// the way image/png registers with package image. [ReadFile] reads a
// [corpus.File] (its content, read once by corpus.Inspect) as the format
// detected there. A [Pool] (or [ReadIsolated], for one file) runs the
// same read in a child process with a time and memory limit, so that a
// panic, a hang or runaway memory in a parser becomes an error for that
// file; the child is sent the content, the name (as bytes: any name
// works) and the format, and never opens a file or detects a format.
//
// # Limits
//
// extract does no OCR itself: pages without a text layer are listed in
// [Document.NoTextPages]. It does not interpret the text: repairing
// broken lines, legacy encodings and numbers is package normalize's work.
package extract

import (
	"strings"
	"time"

	"github.com/baocao/baocao/corpus"
)

// Pos locates an element in the original file. See the package doc for
// what Page and Line mean in each format. Table, Row and Cell are 1-based
// and set only for table cells.
type Pos struct {
	Page  int `json:"page"`
	Line  int `json:"line"`
	Table int `json:"table,omitempty"`
	Row   int `json:"row,omitempty"`
	Cell  int `json:"cell,omitempty"`
}

// Box is a rectangle on a page, in PDF points (1/72 inch) measured from
// the top-left corner of the page, y growing downwards: the way a page
// image is drawn, so that a box scales to pixels by dpi/72. The zero Box
// means the position is unknown (DOCX, text, Markdown).
type Box struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// IsZero reports whether b is the zero Box (position unknown).
func (b Box) IsZero() bool { return b == Box{} }

// Union returns the smallest box that contains b and c; a zero box is
// ignored.
func (b Box) Union(c Box) Box {
	switch {
	case b.IsZero():
		return c
	case c.IsZero():
		return b
	}
	x0, y0 := min(b.X, c.X), min(b.Y, c.Y)
	x1, y1 := max(b.X+b.W, c.X+c.W), max(b.Y+b.H, c.Y+c.H)
	return Box{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Word is a run of a line's text between spaces, with its box on the
// page. Start and End are byte offsets into [Line.Text].
type Word struct {
	Start int `json:"s"`
	End   int `json:"e"`
	Box   Box `json:"b"`
}

// Line is one physical line of text as laid out in the source: a line of
// a text file or of a PDF page, or a whole DOCX paragraph.
type Line struct {
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
	// Font is the font name where the format records one (PDF, DOCX).
	// Legacy 8-bit Vietnamese fonts (".VnTime", "VNI-Times") tell package
	// normalize how to decode the text.
	Font string `json:"font,omitempty"`
	// Conf is the OCR confidence (0–100) of a line recognised from a
	// page image; 0 for text from a text layer.
	Conf float64 `json:"conf,omitempty"`
	// Box is the line's box on the page, and Words its words with
	// theirs, where the reader knows positions (PDF text layers and
	// OCR); zero and nil otherwise.
	Box   Box    `json:"box,omitzero"`
	Words []Word `json:"words,omitempty"`
}

// BoxOf returns the box of the text lit as it stands in the line: the
// union of the boxes of the words that hold its occurrence nearest to
// byte offset near. Where lit does not occur as such, spaces are ignored
// on both sides, so that a number that OCR split ("56. 212") and
// normalization joined ("56.212") is still found. It returns the zero Box
// when the line has no word positions or does not contain lit.
func (l *Line) BoxOf(lit string, near int) Box {
	if len(l.Words) == 0 || lit == "" {
		return Box{}
	}
	start, end := nearestIndex(l.Text, lit, near)
	if start < 0 {
		// Compare without spaces, mapping offsets back to the line.
		var text []byte
		var at []int
		for i := 0; i < len(l.Text); i++ {
			if l.Text[i] != ' ' {
				text = append(text, l.Text[i])
				at = append(at, i)
			}
		}
		s, e := nearestIndex(string(text), strings.ReplaceAll(lit, " ", ""), near)
		if s < 0 || e == 0 {
			return Box{}
		}
		start, end = at[s], at[e-1]+1
	}
	var b Box
	for _, w := range l.Words {
		if w.Start < end && w.End > start {
			b = b.Union(w.Box)
		}
	}
	return b
}

// nearestIndex returns the byte range of the occurrence of lit in text
// whose start is nearest to near, or -1, -1.
func nearestIndex(text, lit string, near int) (start, end int) {
	best, dist := -1, 0
	if lit == "" {
		return -1, -1
	}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], lit)
		if j < 0 {
			break
		}
		at := i + j
		d := at - near
		if d < 0 {
			d = -d
		}
		if best < 0 || d < dist {
			best, dist = at, d
		}
		i = at + 1
	}
	if best < 0 {
		return -1, -1
	}
	return best, best + len(lit)
}

// BlockKind says what a block is.
type BlockKind string

// The kinds of block.
const (
	Paragraph BlockKind = "paragraph"
	Heading   BlockKind = "heading"
	ListItem  BlockKind = "list"
	TableKind BlockKind = "table"
)

// Block is a paragraph, heading, list item or table of the body.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Level is the heading or list level, 1-based; 0 otherwise.
	Level int `json:"level,omitempty"`
	// Lines holds the text of a paragraph, heading or list item, one
	// entry per physical line. Readers that know paragraph boundaries
	// (DOCX) give one Line per paragraph.
	Lines []Line `json:"lines,omitempty"`
	// Table is set for Kind == TableKind.
	Table *Table `json:"table,omitempty"`
	// FootnoteRefs lists the ids of the footnotes referenced in this
	// block, in order of appearance.
	FootnoteRefs []string `json:"footnote_refs,omitempty"`
}

// Table is a table as rows of cells. Merged cells are resolved: a cell
// spanning several grid columns appears once with Span > 1, and a
// vertically merged cell repeats its text in each row it covers.
type Table struct {
	Rows []Row `json:"rows"`
}

// Row is one table row.
type Row struct {
	Cells []Cell `json:"cells"`
	// Header is set for rows marked as (repeating) header rows.
	Header bool `json:"header,omitempty"`
}

// Cell is one table cell.
type Cell struct {
	Text string `json:"text"`
	Pos  Pos    `json:"pos"`
	// Span is the number of grid columns the cell covers (1 when unset).
	Span int `json:"span,omitempty"`
	// Box is the cell's text box on the page where the reader knows it.
	Box Box `json:"box,omitzero"`
	// Conf is the OCR confidence (0–100) of a cell recognised from a
	// page image, as Line.Conf; 0 for text from a text layer.
	Conf float64 `json:"conf,omitempty"`
}

// Footnote is a footnote or endnote, kept apart from the body.
type Footnote struct {
	ID    string `json:"id"`
	Lines []Line `json:"lines"`
	// Ref is where the footnote is referenced in the body, if known.
	Ref Pos `json:"ref"`
}

// Meta holds document properties where the format records them.
type Meta struct {
	Title    string    `json:"title,omitempty"`
	Created  time.Time `json:"created,omitempty"`
	Modified time.Time `json:"modified,omitempty"`
}

// Document is a report as read from its file.
type Document struct {
	Path   string        `json:"path"`
	Format corpus.Format `json:"format"`
	// Pages is the number of pages (PDF); 0 where pages are unknown.
	Pages     int        `json:"pages,omitempty"`
	Blocks    []Block    `json:"blocks"`
	Footnotes []Footnote `json:"footnotes,omitempty"`
	Meta      Meta       `json:"meta"`
	// NoTextPages lists the 1-based pages that have no text layer and
	// need OCR.
	NoTextPages []int `json:"no_text_pages,omitempty"`
	// OCRPages lists the 1-based pages whose text was recognised from
	// the page image by OCR.
	OCRPages []int `json:"ocr_pages,omitempty"`
	// OCRConf is the mean confidence (0–100) of the words recognised by
	// OCR, over all of OCRPages; 0 when no page was recognised.
	OCRConf float64 `json:"ocr_conf,omitempty"`
	// Encoding names the byte encoding the text was decoded from, such
	// as "utf-8", "utf-16le" or "latin1" (8-bit text passed on byte for
	// byte as U+0000–U+00FF for normalize to identify).
	Encoding string `json:"encoding,omitempty"`
	// Warnings are problems that did not stop the read.
	Warnings []string `json:"warnings,omitempty"`
}

// Page returns the page the block starts on: that of its first line or
// table cell; 0 when unknown.
func (b *Block) Page() int {
	if len(b.Lines) > 0 {
		return b.Lines[0].Pos.Page
	}
	if b.Table != nil {
		for _, r := range b.Table.Rows {
			for _, c := range r.Cells {
				return c.Pos.Page
			}
		}
	}
	return 0
}

// Text returns the block's lines joined with newlines.
func (b *Block) Text() string {
	n := 0
	for _, l := range b.Lines {
		n += len(l.Text) + 1
	}
	buf := make([]byte, 0, n)
	for i, l := range b.Lines {
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, l.Text...)
	}
	return string(buf)
}
