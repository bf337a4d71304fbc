package normalize

import (
	"sort"
	"time"

	"github.com/baocao/baocao/extract"
)

// ParaKind says where a paragraph comes from.
type ParaKind string

// The kinds of paragraph.
const (
	Body     ParaKind = "body"
	Heading  ParaKind = "heading"
	List     ParaKind = "list"
	Footnote ParaKind = "footnote"
)

// Span maps the text of a paragraph from byte offset Off on to a
// position in the original file, until the next span.
type Span struct {
	Off int
	Pos extract.Pos
	// Conf is the OCR confidence of the line (0 for a text layer).
	Conf float64
	// Src is the line as the reader gave it, before normalization, where
	// the reader knows the positions of its words (PDF text layers and
	// OCR); nil otherwise. [Para.Locate] reads word boxes from it.
	Src *extract.Line
}

// Para is a paragraph of normalized text: broken lines joined,
// hyphenation repaired, footnote markers removed, NFC.
type Para struct {
	Kind ParaKind
	Text string
	// Spans maps byte offsets of Text to positions, in increasing Off.
	Spans []Span
	// FootnoteID is the id of a footnote paragraph.
	FootnoteID string
	// Refs are the ids of the footnotes referenced in the paragraph.
	Refs []string
	// joins are the offsets in Text where a block of the file was
	// joined to the one before (a sentence the layout broke), so that
	// the province and the period can be read from the blocks as laid
	// out: a title without a full stop is not part of its lead.
	joins []int
	// Sections are the titles of the sections the paragraph is in,
	// outermost first ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2022", "2. Kinh
	// phí"); a footnote is in the sections of its reference.
	Sections []string
}

// PosAt returns the position of the byte at offset off of p.Text.
func (p *Para) PosAt(off int) extract.Pos { return p.SpanAt(off).Pos }

// Locate returns where the text p.Text[start:end] (a figure) stands in
// the original: the position of the line that holds its first byte, and
// its box on the page, the union of the boxes of the source line's words
// that hold it. The box is zero when the reader gave no word positions
// or when the text cannot be found in the source line (a figure broken
// across two lines, text changed by decoding).
func (p *Para) Locate(start, end int) (extract.Pos, extract.Box) {
	sp := p.SpanAt(start)
	if sp.Src == nil || len(sp.Src.Words) == 0 || start < 0 || end > len(p.Text) || start >= end {
		return sp.Pos, extract.Box{}
	}
	return sp.Pos, sp.Src.BoxOf(p.Text[start:end], start-sp.Off)
}

// LineBox returns the box of the whole source line that holds the byte
// at offset off of p.Text (zero where positions are unknown): the place
// of a statement that has no number, such as a state of the SOC.
func (p *Para) LineBox(off int) extract.Box {
	if sp := p.SpanAt(off); sp.Src != nil {
		return sp.Src.Box
	}
	return extract.Box{}
}

// SpanAt returns the span holding the byte at offset off of p.Text.
func (p *Para) SpanAt(off int) Span {
	if len(p.Spans) == 0 {
		return Span{}
	}
	i := sort.Search(len(p.Spans), func(i int) bool { return p.Spans[i].Off > off })
	if i == 0 {
		return p.Spans[0]
	}
	return p.Spans[i-1]
}

// Table is a table with normalized cell text. Rows repeating the header
// (a header repeated on every page of a PDF) are dropped, and a row
// broken across a page is joined back into one.
type Table struct {
	// Header holds the header rows (usually one).
	Header [][]extract.Cell
	// Rows holds the body rows.
	Rows [][]extract.Cell
	// Caption is the text of the paragraphs just before the table
	// (title, "Đơn vị tính: …"), for reading units.
	Caption string
}

// Doc is a normalized report.
type Doc struct {
	Source *extract.Document
	// Paras holds body paragraphs in reading order, then footnotes.
	Paras  []Para
	Tables []Table
	// Province and Year identify the report; zero when unknown.
	Province Province
	Year     int
	// Era is the map Province.Code belongs to (Era63 or Era34), and
	// ProvinceSource where the province was read from (FromText,
	// FromPath or FromOption); both "" when the province is unknown.
	Era            string
	ProvinceSource string
	// Period is the period reported on; zero when the year is unknown.
	Period Period
	// Date is the date the report was issued, where it says, or the
	// date a news page was published.
	Date time.Time
	// Number is the report's document number ([ReportNumber]), where it
	// says, and Correction whether it declares that it corrects an
	// earlier report ([IsCorrection]).
	Number     string
	Correction bool
	Warnings   []string
}
