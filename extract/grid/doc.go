// Package grid finds tables among the positioned words of a page and
// returns them as rows of cells. It knows nothing of the file format:
// the PDF reader feeds it the words and ruling lines of its text layer,
// and an OCR reader can feed it the word boxes Tesseract gives.
//
// # Model
//
// A [Page] is a set of [Word]s (text and box, in points from the page's
// top-left corner, y downwards) and optional [Rule]s (ruling lines).
// [Find] returns the page's [Table]s, top to bottom; each cell lists the
// words it took, so that the caller can take them out of its running
// text.
//
// Ruled tables come first: horizontal and vertical rules that touch
// make a grid (at least three column edges and two vertical rules), and
// a word goes to the cell its centre falls in. A cell whose dividing
// rule is missing on its row spans the columns it covers.
//
// The remaining words are read as stream-mode readers (Tabula, Camelot,
// pdfplumber) read them. Words are grouped into lines by vertical
// overlap, and a line is cut into chunks where the gap between two
// words is much wider than the page's word spacing. Consecutive lines
// with two or more chunks, and the short lines between them, make a
// candidate region. Its columns are where the chunks of its most
// complete lines lie; the gaps between them are gutters that run
// through every line of the region. A line that crosses a gutter with
// running text after the table's first row (a prose line across the
// page) ends the table.
//
// Rows are anchored on values: a line starts a new row where a numeric
// column has a number or the first column has a serial number (STT:
// "1", "II", "a", "1.2"); a line without one continues the row above
// (a wrapped cell: "Cấp thành" / "phố"), its text joined to the cells
// above it. Lines before the first anchored line are the header, which
// may wrap over several lines; it becomes one row marked Header. A
// horizontal rule across the region (a header rule) marks the end of
// the header even where the lines above it hold numbers, and a box of
// rules around the region (an outer frame) bounds it.
//
// A region is a table only if it has at least two columns and two rows
// anchored on values, and a numeric column or a serial-number column
// together with a header, a caption just above ("Bảng 1", "Biểu",
// "Đơn vị tính") or a ruled frame. A region at the top of a page that
// has as many columns as the table the previous page ended with is
// taken as its continuation without a header (see [Options.Prev]).
//
// # Trade-offs
//
// The thresholds are relative: the chunk gap is a multiple of the
// page's median word gap and of the line height, so that the same rules
// hold for 10 pt and 14 pt text and for OCR boxes. Columns come from
// word positions, not from the text, so a column of right-aligned
// numbers whose widest entry nearly touches its neighbour still splits
// where other lines show the gutter: each word is placed by its centre.
// Requiring values to anchor rows keeps two-column prose (a signature
// block, "Nơi nhận:" beside "KT. GIÁM ĐỐC") and key–value lists out.
//
// # Limits
//
// A row whose values sit on its last wrapped line (bottom- or
// centre-aligned cells) is joined to the row above instead. A header
// cell that spans several columns goes to the column under its centre;
// multi-level headers come out as one merged header row. Tables set
// side by side are read as one. Rotated text and tables without any
// numeric or serial-number column are not recognised as tables.
// [extract.MergeTables] joins the parts of a table broken across
// pages.
package grid
