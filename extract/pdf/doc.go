// Package pdf reads the text layer of a PDF report into an
// [extract.Document]. It registers itself for [corpus.PDF] with
// [extract.Register].
//
// # Model
//
// The file is parsed with github.com/ledongthuc/pdf, but pages are
// interpreted here: for each page the content stream is decoded and
// lexed by this package (plain PDF syntax, read as the library reads
// it, without a string and an interface value per token), or, where
// the lexer meets anything it does not take (a stray delimiter, an odd
// escape, a PostScript operator, an unterminated string), run through
// [github.com/ledongthuc/pdf.Interpret] from the start; either way with
// the page's own fonts (the
// library's shared font cache garbles merged files; a ToUnicode CMap,
// a stream object, is parsed once per document and shared with the
// codes it decoded by the pages whose fonts name it), giving one glyph
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
// Every line, word and table cell carries its box on the page
// ([extract.Box]: PDF points from the top-left corner of the crop box,
// y downwards). A glyph's box runs from its origin over its advance
// width, and from the baseline lowered by the font's descent to the
// baseline raised by its ascent (the FontDescriptor's /Ascent and
// /Descent; 0.95 and −0.35 em when absent, as poppler), so that boxes
// match pdftotext -bbox-layout. [extract.Line.Words] are the runs of the
// line's text between spaces, with byte offsets into its NFC text.
//
// Lines are grouped into paragraphs by list markers ("- ", "a) ",
// "1. "), first-line indent, a short previous line, a vertical gap, and
// changes of font size or weight; each physical line stays a
// [extract.Line] of the block. Tables are found by package
// [github.com/baocao/baocao/extract/grid] from the page's words and
// ruling lines (stroked segments and thin filled boxes): ruled grids,
// and tables without rules or with only some (a header rule, an outer
// frame) from the gutters between columns of words; wrapped cells and
// headers over several lines are joined. Their words leave the running
// text, which is laid out again from the other glyphs. Each table
// becomes a table block; [extract.MergeTables] (run by
// [extract.ReadFormat]) joins the parts of a table that runs on to the
// next page, marking a repeated header row Header and joining the row
// the page break split.
//
// Pages without text, or whose glyphs mostly map to no Unicode text
// (no ToUnicode map), are listed in [extract.Document.NoTextPages]; if
// no page has text the Document is returned with an error wrapping
// [extract.ErrNoText].
//
// # Robustness
//
// Every call into the parser runs under recover; a panic becomes an
// error wrapping [extract.ErrCorrupt] that names the file. The reader
// repairs before the parser sees the file what poppler repairs:
//
//   - up to 1 KiB of junk before "%PDF-" is skipped, and whatever
//     follows the last "%%EOF" (a comment line, spaces, NULs, newlines,
//     garbage from a mail gateway) is cut;
//   - the cross-reference sections are checked: a startxref or /Prev
//     that points at no section, a /Prev chain that loops, a /Size
//     beyond the file, or a table whose offsets do not lead to the
//     catalog's page tree (one line inserted after the header shifts
//     them all) make the reader rebuild the table: it scans the file
//     for "N G obj" headers, skipping stream data, lists the objects of
//     object streams, takes /Root, /Info and /ID from the last trailer
//     (or finds the catalog), and appends a cross-reference stream for
//     the parser to read;
//   - encrypted files (standard security handler, RC4 40–128 bits,
//     AES-128, AES-256 of revisions 5 and 6) are decrypted by the
//     reader with the standard library's MD5, RC4, AES and SHA-2, and
//     rewritten in clear for the parser, which derives a wrong key for
//     40-bit RC4 and knows no AES-256. The empty user password is tried,
//     or [extract.Options.Password] as user and as owner password; a
//     file that needs a password fails with an error wrapping
//     [extract.ErrEncrypted] that says so.
//
// Each repair is listed in [extract.Document.Warnings]. The page tree
// is walked here with bounded depth, not with the library's
// Reader.Page, which loops on a cyclic tree. ctx is checked between
// pages. A PDF 2.0 header is accepted.
//
// # Limits
//
// The reader does no OCR. Text in Type 3 fonts, rotated text and
// vertical writing are not handled specially; columns of multi-column
// layouts are not separated (a line is split only at a gap of several
// font sizes). Page rotation (/Rotate) is not applied to boxes, and a
// standard 14 font without /Widths gives glyphs no width (their boxes
// are empty). Tables are found as package grid documents, with its
// limits (a row whose figures sit on its last wrapped line, tables set
// side by side, multi-level headers merged into one row); vertically
// merged cells of ruled tables are not repeated in each row. The
// cross-reference rebuild does not read object streams compressed with
// a predictor or a filter other than FlateDecode, and a file cut short
// fails (its trailer and catalog are gone). Public-key security handlers are not
// supported. The parser can still hang inside one call on files crafted
// against it (for example an object stream whose /Extends points to
// itself): run hostile input through extract.ReadIsolated.
package pdf
