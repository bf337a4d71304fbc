// Package docx reads Word documents (Office Open XML WordprocessingML,
// .docx) into the document model of package extract.
//
// Importing the package registers [Read] for [corpus.DOCX] with
// [extract.Register], in the way image/png registers with package image:
//
//	import _ "github.com/baocao/baocao/extract/docx"
//
// # Model
//
// A .docx file is a zip archive of XML parts. Read finds the main
// document part through the package relationships (normally
// word/document.xml), and the styles, footnotes and endnotes parts
// through the main part's relationships, then streams each part through
// an encoding/xml token loop; no part is ever held as a tree.
//
// Every w:p of the body counts as one paragraph, numbered from 1 in
// document order, paragraphs inside table cells included. A non-empty
// paragraph outside tables becomes one [extract.Block] with one
// [extract.Line] whose Pos is {Page: 0, Line: paragraph number}. Its kind
// comes from its style: a style named "heading N" (or the Vietnamese
// "Tiêu đề N", "Đề mục N", "Đầu đề N"), a style id "HeadingN", or an
// outline level, directly or through the style's basedOn chain, makes a
// heading of level N; a paragraph with numbering (w:numPr, directly or
// from its style) is a list item of level ilvl+1. Empty paragraphs give
// no block but keep their number.
//
// A table becomes one block of kind [extract.TableKind]. Grid spans set
// [extract.Cell.Span]; a vertically merged cell that continues the one
// above repeats its text; rows marked w:tblHeader are header rows. The
// text of a table nested in a cell is flattened into that cell, one
// paragraph a line.
//
// Footnotes and endnotes become [extract.Footnote]s with the w:id as ID
// (endnotes prefixed with "e"), ordered by where they are first
// referenced. A footnote has no place of its own in the body: its lines
// and its Ref carry the position of the referencing paragraph. The
// reference mark is not part of the body text, so "25" followed by a
// footnote reference reads "25", never "251".
//
// Within a paragraph, tabs and line breaks become a space and a
// non-breaking hyphen becomes "-"; symbols (w:sym), soft hyphens, field
// instructions, deleted text, page-number fields (PAGE, NUMPAGES,
// SECTIONPAGES, PAGEREF) and tables of contents (TOC fields, which
// repeat the headings) are dropped; other field results, hyperlinks and
// inserted text are kept. Headers and footers are never read. Text is
// returned in Unicode NFC, trimmed of surrounding white space. Where the
// dominant font of a paragraph is a legacy 8-bit Vietnamese font (a name
// starting with ".Vn" or "VNI-"), Line.Font names it so that package
// normalize can decode the TCVN3 or VNI text; Line.Font is empty
// otherwise.
//
// # Limits
//
// Read refuses, with an error wrapping [extract.ErrTooLarge], any part
// that expands beyond a cap (64 MiB by default, or Options.MaxBytes),
// any part larger than 1 MiB that expands more than 200 times its
// compressed size, and archives of more than 10,000 entries. Both the
// sizes declared in the zip directory and the bytes actually inflated
// are checked, so a zip bomb is refused after inflating at most a few
// tens of megabytes. Damaged archives and XML wrap [extract.ErrCorrupt];
// password-protected files (an OLE compound file holding an
// EncryptedPackage stream) wrap [extract.ErrEncrypted].
//
// The reader does not lay out pages, so Pos.Page is always 0 and page
// numbers are unknown. It ignores text boxes' position (their text is
// appended to the paragraph that anchors them), comments, headers,
// footers and pictures. It does not read imported content (w:altChunk),
// embedded objects (o:OLEObject, such as a spreadsheet) or charts
// (c:chart), which can hold figures: each one is named, with its part,
// in Document.Warnings. It does not apply numbering formats: a list item's own number or bullet
// ("1.", "a)", "–") is not in its text unless typed in it. Of
// mc:AlternateContent only the first choice is read. Content controls
// (w:sdt) are read as plain content.
package docx
