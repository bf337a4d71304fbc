// Package pdf reads the text layer of a PDF report into an
// [extract.Document]. It registers itself for [corpus.PDF] with
// [extract.Register].
//
// # Model
//
// The file is parsed with github.com/ledongthuc/pdf, but pages are
// interpreted here: for each page the content stream is run through
// [github.com/ledongthuc/pdf.Interpret] with the page's own fonts (the
// library's shared font cache garbles merged files), giving one glyph
// per character code with its position, effective font size and advance
// width, and the ruling lines (stroked segments and thin filled boxes)
// in page space.
//
// From the glyphs the reader rebuilds the page: glyphs are grouped into
// lines by baseline and sorted by x; a space goes where a space glyph
// stands or where the gap between two glyphs exceeds a fraction of the
// font size. A run of digits set markedly smaller than its line and
// raised above the baseline is a footnote reference: it is kept out of
// the line's text and listed in [extract.Block.FootnoteRefs], so that
// "25" + superscript "1" reads "25", not "251". A superscript that
// matches no footnote goes back into the text as superscript digits
// (²), where it cannot glue to a number.
//
// Running headers and footers are removed: a line that is only a page
// number at the top or bottom of a page, and a line repeated (digits
// aside) at the same height in the top or bottom margin of most pages.
// Lines are then numbered per page, top to bottom; [extract.Pos] gives
// the 1-based page and that line number. The footnote area at the
// bottom of a page (lines set smaller than the body, the first starting
// with a marker) becomes [extract.Footnote]s linked to the line that
// references them, and leaves the body, so that a paragraph running on
// around it stays one paragraph.
//
// Lines are grouped into paragraphs by list markers ("- ", "a) ",
// "1. "), first-line indent, a short previous line, a vertical gap, and
// changes of font size or weight; each physical line stays a
// [extract.Line] of the block. Ruled tables (horizontal and vertical
// rules that touch) become table blocks; a table running on to the next
// page continues the same table, a repeated header row is marked
// Header, and a first row whose first cell is empty is merged into the
// row the page break split.
//
// Pages without text, or whose glyphs mostly map to no Unicode text
// (no ToUnicode map), are listed in [extract.Document.NoTextPages]; if
// no page has text the Document is returned with an error wrapping
// [extract.ErrNoText].
//
// # Robustness
//
// Every call into the parser runs under recover; a panic becomes an
// error wrapping [extract.ErrCorrupt] that names the file. Before the
// parser sees the file, the raw bytes are checked for what would make
// it loop or exhaust memory: a cross-reference /Prev chain that loops
// and an xref /Size beyond the file size. The page tree is walked here
// with bounded depth, not with the library's Reader.Page, which loops
// on a cyclic tree. ctx is checked between pages. Encryption with RC4
// or AES-128 and an empty user password (owner password only) opens;
// AES-256 (V 5, R 5 or 6) is reported as [extract.ErrEncrypted]. A PDF
// 2.0 header is accepted.
//
// # Limits
//
// The reader does no OCR. Text in Type 3 fonts, rotated text and
// vertical writing are not handled specially; columns of multi-column
// layouts are not separated (a line is split only at a gap of several
// font sizes). Tables are found from ruling lines only: a borderless
// table comes out as lines of text; vertically merged cells are not
// repeated in each row. The parser can still hang inside one call on
// files crafted against it (for example an object stream whose
// /Extends points to itself): run hostile input through
// extract.ReadIsolated.
package pdf
