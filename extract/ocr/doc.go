// Package ocr recognises the text of scanned PDF pages with Tesseract and
// adds it to an [extract.Document].
//
// # Model
//
// The PDF reader (extract/pdf) lists pages without a usable text layer in
// Document.NoTextPages. [Fill] takes those pages (or every page, see
// [Options].Mode), gets an image of each, runs Tesseract on it and adds
// the recognised text to the document in page order, moving the pages to
// Document.OCRPages.
//
// # Page images
//
// A scan is never upsampled. When a page is one image covering it
// (four fifths of its width and height or more) and is not rotated, that
// image is extracted with poppler's pdfimages and recognised at its own
// pixel size, whatever resolution the page declares for it: a 200 dpi
// scan whose page claims 96 ppi (img2pdf sizes the page from the image's
// own, sometimes wrong, density) reads the same as one that claims 200.
// Any other page is rendered in grey with pdftoppm at the resolution of
// its largest image (by area on the page) when one covers a tenth of the
// page or more, so that the scan is rendered one pixel for one, kept
// within 150 to 400 dpi; a page without such an image is rendered at
// Options.DPI. JPEG scans are passed to Tesseract as stored, other images
// as uncompressed PNM, which poppler writes several times faster than
// PNG.
//
// Each image is recognised by its own
// `tesseract IMG stdout -l LANG --psm 3 tsv` process with
// OMP_THREAD_LIMIT=1, Options.Workers pages at a time.
//
// Tesseract is run as a command, not linked through cgo (gosseract): one
// process per page is isolated (a crash or runaway page fails that page
// only), can be killed on a timeout, needs no C toolchain or
// libtesseract-dev to build, and does not share a client between
// goroutines, which leaks memory in gosseract.
//
// # Layout
//
// Tesseract's TSV output gives every word with its box, confidence and
// block, paragraph and line numbers. Each Tesseract line becomes an
// [extract.Line] with Pos{Page, Line} (Line counts the emitted lines of
// the page, 1-based), Conf, the mean word confidence of the line (0 to
// 100, at least 0.1, so that Conf > 0 marks OCR text), and Box and Words:
// the boxes of the line and of each word (byte offsets into the line's
// text), converted from image pixels to PDF points from the top-left
// corner of the unrotated page ([Placement]), the way the PDF reader
// measures a text layer. A rendered page maps onto the whole page; an
// extracted scan image is taken to be centred on its page at the size the
// page gives it (pdfimages does not say where it lies). Boxes are tight
// to the ink, where a text layer's run from the font's descent to its
// ascent: on the test fixture the two agree within 2.5 points
// horizontally and 3 points in their vertical centres. Lines of one
// Tesseract block and paragraph form one paragraph block. Table cells
// get the box and mean confidence of their words, and Fill sets
// Document.OCRConf to the mean confidence of all recognised words.
//
// Tables are found from the word boxes: words are grouped into rows of
// print by their vertical centres, and a row is cut into cells where two
// words are more than two median word heights apart. A run of two or more
// consecutive rows of two or more cells each becomes a table block when
// the cells fall into columns: the columns are the x-intervals covered by
// the run's cells, separated by vertical white rivers, and no row may put
// two cells in one column. A cell crossing a river spans several columns
// (Cell.Span); missing cells are empty. Each table row takes one line
// number. Words of a row that did not line up are still joined with two
// spaces in the line text, so the cells stay apart.
//
// # Cache
//
// Recognition is cached in Options.CacheDir, keyed by the sha256 of the
// page image, the language, the Tesseract version and the segmentation
// mode; entries are TSV files written atomically (temporary file and
// rename). OCR of a scan seen before costs only the image extraction.
//
// # Limits
//
// Every tool process (pdfinfo, pdfimages, pdftoppm, tesseract) runs in a
// process group of its own under the file's limits: it is killed when
// Options.Timeout, counted from the start of Fill, passes, when its
// resident memory (polled through /proc every 20 ms) exceeds
// Options.MaxMemory, or when the context is done. A limit fails the whole
// file with an error wrapping extract.ErrTimeout or extract.ErrMemory
// that names it; Options.PageTimeout, by contrast, fails only its page,
// with a warning. A one-page PDF of two million ruling lines, which
// poppler takes minutes to list or render, stops at the deadline.
//
// OCR needs tesseract 5 with the language data and poppler-utils on PATH
// ([Available]); without them Fill fails with an error wrapping
// extract.ErrNoText that says what to install. Recognition errors in
// figures (O for 0, l for 1) are left for normalize.FixOCRNumbers.
// Table detection handles simple grids only: continuation lines of a
// wrapped cell become rows of their own, a table cut by a single-cell row
// (a merged full-width cell) becomes two tables, and borderless two-column
// layouts (the signature block of an official letter) come out as tables
// too. In "always" mode the text layer of a recognised page is dropped,
// with footnotes that start on it; footnote references of blocks kept on
// other pages may then name a dropped footnote. Page orientation is not
// detected (--psm 3 without OSD): a page scanned sideways reads as noise.
package ocr
