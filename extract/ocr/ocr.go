package ocr

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

// Tesseract's page segmentation modes: psm for pages, 3, fully
// automatic page segmentation without orientation detection; cellPSM
// for a strip of table cells, 6, a uniform block of text.
const (
	psm     = "3"
	cellPSM = "6"
)

// The values of Options.Mode.
const (
	ModeAuto   = "auto"
	ModeAlways = "always"
	ModeNever  = "never"
)

// Options control OCR. The zero value is usable: every field has a
// default.
type Options struct {
	// Mode is "auto" (the default: OCR the pages listed in
	// Document.NoTextPages, or every page when there is no document),
	// "always" (OCR every page and replace the text layer of pages that
	// have one) or "never" (return the document unchanged).
	Mode string
	// Lang is the Tesseract language, "vie" by default; "vie+eng" and
	// the like are passed on as they are.
	Lang string
	// DPI is the resolution pages without a scan image are rendered
	// at, 200 by default. A page that is one scan image is OCR'd from
	// that image at its own pixel size, and a page with a large image
	// is rendered at that image's resolution (see the package doc).
	DPI int
	// Workers is how many pages are OCR'd in parallel, each by its own
	// single-threaded tesseract process; runtime.NumCPU() by default.
	Workers int
	// CacheDir holds the OCR cache; "" means os.UserCacheDir()/baocao/ocr
	// (no cache when the user has no cache folder), and [NoCache] ("-")
	// turns the cache off.
	CacheDir string
	// PageTimeout bounds the render and recognition of one page, 120s
	// by default. A page that times out is left unrecognised, with a
	// warning.
	PageTimeout time.Duration
	// Timeout bounds the OCR of the whole file: every tool process
	// (pdfinfo, pdfimages, pdftoppm, tesseract) is killed when it
	// passes, and Fill fails with an error wrapping extract.ErrTimeout.
	// 0 derives the file's limit from PageTimeout: one page's time to
	// list the pages, and one more per page recognised.
	Timeout time.Duration
	// MaxMemory bounds the resident memory of each tool process, in
	// bytes: one that exceeds it is killed and Fill fails with an error
	// wrapping extract.ErrMemory. 0 means extract.DefaultMaxMemory.
	MaxMemory int64
	// Progress, if set, is called after each page is done (recognised,
	// served from the cache, or failed), with its 1-based number. Calls
	// are serialised but come in the order pages finish.
	Progress func(page int)
	// Tesseract is the tesseract binary, "tesseract" (looked up on PATH)
	// by default.
	Tesseract string
}

func (o Options) withDefaults() Options {
	if o.Mode == "" {
		o.Mode = ModeAuto
	}
	if o.Lang == "" {
		o.Lang = "vie"
	}
	if o.DPI <= 0 {
		o.DPI = 200
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	switch o.CacheDir {
	case NoCache:
		o.CacheDir = ""
	case "":
		if d, err := os.UserCacheDir(); err == nil {
			o.CacheDir = filepath.Join(d, "baocao", "ocr")
		}
	}
	if o.PageTimeout <= 0 {
		o.PageTimeout = 120 * time.Second
	}
	if o.Tesseract == "" {
		o.Tesseract = "tesseract"
	}
	if o.MaxMemory <= 0 {
		o.MaxMemory = extract.DefaultMaxMemory
	}
	return o
}

// pageResult is the outcome of one page.
type pageResult struct {
	text pageText
	err  error
}

// Fill recognises the pages of the PDF at path that need it and returns
// the document with their text added in page order.
//
// doc is the document the PDF reader returned, or nil when it returned
// none (every page lacked text, extract.ErrNoText); then every page is
// OCR'd into a new Document. Which pages are OCR'd depends on
// opt.Mode, see [Options]. Recognised pages are moved from NoTextPages to
// OCRPages, and Document.OCRConf is set to the mean confidence of their
// words. doc itself is not modified: Fill returns a shallow copy with
// new Blocks, Footnotes, NoTextPages, OCRPages and Warnings slices.
//
// A page that fails (render error, tesseract crash, page timeout) stays
// in NoTextPages and is reported in Warnings. Fill returns an error when
// the OCR tools are missing (wrapping extract.ErrNoText and
// [ErrUnavailable], saying what to install), when opt.Timeout passes
// (extract.ErrTimeout) or a tool exceeds opt.MaxMemory
// (extract.ErrMemory), when ctx is cancelled, when the page list cannot
// be read, and when doc is nil and no page could be recognised; the
// document returned with an error is doc as given. Errors name the file.
func Fill(ctx context.Context, path string, doc *extract.Document, opt Options) (*extract.Document, error) {
	opt = opt.withDefaults()
	switch opt.Mode {
	case ModeAuto, ModeAlways:
	case ModeNever:
		if doc == nil {
			return nil, fmt.Errorf("%s: %w (OCR turned off)", path, extract.ErrNoText)
		}
		return doc, nil
	default:
		return doc, fmt.Errorf("%s: OCR mode %q: want auto, always or never", path, opt.Mode)
	}
	if doc != nil && opt.Mode == ModeAuto && len(doc.NoTextPages) == 0 {
		return doc, nil
	}
	if err := available(opt.Tesseract, opt.Lang); err != nil {
		return doc, fmt.Errorf("%s: %w: %w", path, extract.ErrNoText, err)
	}
	ti := probe(opt.Tesseract)
	lim := &limits{path: path, timeout: opt.Timeout, maxMem: opt.MaxMemory, env: toolEnv()}
	start := time.Now()
	if opt.Timeout > 0 {
		lim.deadline = start.Add(opt.Timeout)
	} else {
		// No limit for the file as a whole: listing its pages may take
		// one page's time, and the file one page's time per page
		// recognised (set below, once the pages are known).
		lim.timeout = opt.PageTimeout
		lim.deadline = start.Add(opt.PageTimeout)
	}

	infos, err := pdfPages(ctx, lim, path)
	if err != nil {
		if ctx.Err() != nil {
			return doc, fmt.Errorf("%s: OCR: %w", path, ctx.Err())
		}
		if lim.fatal(err) {
			return doc, err
		}
		n, nerr := numPages(path)
		if nerr != nil {
			return doc, err
		}
		infos = make([]pageInfo, n)
	}
	n := len(infos)

	var targets []int
	if doc == nil || opt.Mode == ModeAlways {
		for p := 1; p <= n; p++ {
			targets = append(targets, p)
		}
	} else {
		for _, p := range doc.NoTextPages {
			if p >= 1 && p <= n && !slices.Contains(targets, p) {
				targets = append(targets, p)
			}
		}
		sort.Ints(targets)
	}

	if opt.Timeout <= 0 {
		lim.timeout = opt.PageTimeout * time.Duration(len(targets)+1)
		lim.deadline = start.Add(lim.timeout)
	}

	tmp, err := os.MkdirTemp("", "baocao-ocr-")
	if err != nil {
		return doc, fmt.Errorf("%s: %w", path, err)
	}
	defer os.RemoveAll(tmp)

	// A limit stops the whole file: the first page to hit one cancels
	// the others.
	fctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	results := make([]pageResult, n+1)
	var progMu sync.Mutex
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.Workers, max(1, len(targets))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				r := ocrPage(fctx, lim, path, p, infos[p-1], opt, ti.version, tmp)
				if lim.fatal(r.err) {
					stop(r.err)
				}
				results[p] = r
				if opt.Progress != nil {
					progMu.Lock()
					opt.Progress(p)
					progMu.Unlock()
				}
			}
		}()
	}
feed:
	for _, p := range targets {
		select {
		case next <- p:
		case <-fctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return doc, fmt.Errorf("%s: OCR: %w", path, err)
	}
	if err := context.Cause(fctx); err != nil {
		return doc, err
	}

	var out extract.Document
	if doc != nil {
		out = *doc
	} else {
		out = extract.Document{Path: path, Format: corpus.PDF}
	}
	if out.Pages == 0 {
		out.Pages = n
	}
	out.Warnings = slices.Clone(out.Warnings)
	got := map[int]pageText{}
	var firstErr error
	var words int
	var conf float64
	for _, p := range targets {
		r := results[p]
		if r.err != nil {
			out.Warnings = append(out.Warnings, fmt.Sprintf("page %d: OCR failed: %v", p, r.err))
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		got[p] = r.text
		words += r.text.words
		conf += r.text.conf
	}
	if doc == nil && len(got) == 0 {
		if firstErr == nil {
			firstErr = errors.New("no pages")
		}
		return nil, fmt.Errorf("%s: %w: OCR: %w", path, extract.ErrNoText, firstErr)
	}
	// The mean over the pages recognised before (a document OCR'd
	// again) and now, weighted by their number.
	if before := len(out.OCRPages); before > 0 && out.OCRConf > 0 && words > 0 {
		now := len(got)
		out.OCRConf = round1((out.OCRConf*float64(before) + conf/float64(words)*float64(now)) / float64(before+now))
	} else if words > 0 {
		out.OCRConf = round1(conf / float64(words))
	}
	merge(&out, got, opt.Mode == ModeAlways)
	// Tables that run on across a page break, recognised now. The
	// merge works in place: on copies of the text layer's tables, which
	// are doc's.
	for k := range out.Blocks {
		if t := out.Blocks[k].Table; t != nil {
			c := extract.Table{Rows: slices.Clone(t.Rows)}
			for r := range c.Rows {
				c.Rows[r].Cells = slices.Clone(c.Rows[r].Cells)
			}
			out.Blocks[k].Table = &c
		}
	}
	extract.MergeTables(&out)
	if doc == nil {
		for _, p := range targets {
			if _, ok := got[p]; !ok {
				out.NoTextPages = append(out.NoTextPages, p)
			}
		}
	}
	return &out, nil
}

// ocrPage gets the image of page p and recognises it, through the cache.
func ocrPage(ctx context.Context, lim *limits, path string, p int, info pageInfo, opt Options, version, tmp string) pageResult {
	pctx, cancel := context.WithTimeout(ctx, opt.PageTimeout)
	defer cancel()
	img, err := getImage(pctx, lim, path, p, info, opt.DPI, tmp)
	if err != nil {
		return pageResult{err: pageErr(pctx, ctx, err)}
	}
	defer os.Remove(img.file)
	data, err := os.ReadFile(img.file)
	if err != nil {
		return pageResult{err: err}
	}
	file, clean, rs, err := prepare(img.file, data)
	if err != nil {
		return pageResult{err: err}
	}
	if file != img.file {
		defer os.Remove(file)
	}
	tsv, err := recognise(pctx, lim, opt, version, file, psm)
	if err != nil {
		if lim.fatal(err) {
			return pageResult{err: err} // it names the file and the tool
		}
		return pageResult{err: pageErr(pctx, ctx, fmt.Errorf("%s: %w", img.how, err))}
	}
	words, g, err := parseWords(tsv)
	if err != nil {
		return pageResult{err: fmt.Errorf("tesseract output: %w", err)}
	}
	g.pl = img.place
	if clean != nil {
		// Cells of ruled tables that Tesseract read nothing in, or
		// read unsure.
		if cells := cellsToRead(clean, rs, words); len(cells) > 0 {
			words, err = recogniseCells(pctx, lim, opt, version, clean, cells, file, words)
			if err != nil {
				if lim.fatal(err) {
					return pageResult{err: err}
				}
				return pageResult{err: pageErr(pctx, ctx, fmt.Errorf("%s: table cells: %w", img.how, err))}
			}
		}
	}
	return pageResult{text: pageOf(words, p, g, rs)}
}

// recognise runs Tesseract on the image file with the page segmentation
// mode mode, through the cache.
func recognise(ctx context.Context, lim *limits, opt Options, version, file, mode string) ([]byte, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	key := cacheKey(data, opt.Lang, version, mode)
	if tsv, ok := cacheGet(opt.CacheDir, key); ok {
		if _, _, err := parseWords(tsv); err == nil {
			return tsv, nil
		}
	}
	tsv, err := lim.output(ctx, opt.Tesseract, file, "stdout", "-l", opt.Lang, "--psm", mode, "tsv")
	if err != nil {
		return nil, err
	}
	if _, _, err := parseWords(tsv); err != nil {
		return nil, fmt.Errorf("tesseract output: %w", err)
	}
	// A cache write failure costs only a later re-run.
	_ = cachePut(opt.CacheDir, key, tsv)
	return tsv, nil
}

// recogniseCells reads the cells cs of the page image g again, in one
// more Tesseract run over a strip of them (each cell a block of its
// own, --psm 6), and returns the page's words with theirs (see
// mergeCellWords). file names the page image, for the strip's name.
func recogniseCells(ctx context.Context, lim *limits, opt Options, version string, g *grayImage, cs []rect, file string, words []word) ([]word, error) {
	strip, cells := cellStrip(g, cs)
	if strip == nil {
		return words, nil
	}
	name := strings.TrimSuffix(file, filepath.Ext(file)) + "-cells.pgm"
	if err := writePGM(name, strip); err != nil {
		return nil, err
	}
	defer os.Remove(name)
	tsv, err := recognise(ctx, lim, opt, version, name, cellPSM)
	if err != nil {
		return nil, err
	}
	read, _, err := parseWords(tsv)
	if err != nil {
		return nil, err
	}
	return mergeCellWords(words, read, cells), nil
}

// prepare finds the ruling lines of the page image in file (whose bytes
// are data) and, when there are some, writes the image without them
// beside it, for Tesseract; it returns the image to recognise, the image
// without rulings (nil when there are none) and the rulings. An image
// it cannot decode goes to Tesseract as it is.
func prepare(file string, data []byte) (string, *grayImage, rulingSet, error) {
	g, err := decodeImage(data)
	if err != nil {
		return file, nil, rulingSet{}, nil
	}
	rs, erased := findRulings(g)
	if erased == 0 {
		return file, nil, rs, nil
	}
	clean := strings.TrimSuffix(file, filepath.Ext(file)) + "-clean.pgm"
	if err := writePGM(clean, g); err != nil {
		return "", nil, rs, err
	}
	return clean, g, rs, nil
}

// pageErr names a page timeout as such.
func pageErr(pctx, ctx context.Context, err error) error {
	if ctx.Err() == nil && errors.Is(pctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("page timeout: %w", err)
	}
	return err
}

// numPages counts the pages of the PDF at path with the Go PDF reader,
// for when poppler cannot.
func numPages(path string) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: page count: %v", path, r)
		}
	}()
	f, r, err := pdf.Open(path)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	return r.NumPage(), nil
}

// merge adds the OCR blocks and footnotes of the pages in got to d in
// page order, and numbers the footnotes whose mark OCR could not read.
// When replace is set, blocks and footnotes that start on those pages
// (their text layer) are dropped first.
func merge(d *extract.Document, got map[int]pageText, replace bool) {
	pages := make([]int, 0, len(got))
	for p := range got {
		pages = append(pages, p)
	}
	sort.Ints(pages)

	var blocks []extract.Block
	i := 0
	add := func(p int) {
		blocks = append(blocks, got[p].blocks...)
	}
	ocrPage := func(p int) bool {
		_, ok := got[p]
		return ok
	}
	for k := range d.Blocks {
		b := d.Blocks[k]
		bp := b.Page()
		if replace && ocrPage(bp) {
			continue
		}
		for bp > 0 && i < len(pages) && pages[i] < bp {
			add(pages[i])
			i++
		}
		blocks = append(blocks, b)
	}
	for ; i < len(pages); i++ {
		add(pages[i])
	}
	var fns []extract.Footnote
	for _, f := range d.Footnotes {
		if replace && len(f.Lines) > 0 && ocrPage(f.Lines[0].Pos.Page) {
			continue
		}
		fns = append(fns, f)
	}
	for _, p := range pages {
		fns = append(fns, got[p].notes...)
	}
	sort.SliceStable(fns, func(i, j int) bool { return notePage(fns[i]) < notePage(fns[j]) })
	numberNotes(fns)
	d.Footnotes = fns
	// Number the OCR tables among all tables of the document.
	tables := 0
	for k := range blocks {
		b := &blocks[k]
		if b.Kind != extract.TableKind || b.Table == nil {
			continue
		}
		tables++
		if !isOCR(b, got) {
			continue
		}
		for r := range b.Table.Rows {
			for c := range b.Table.Rows[r].Cells {
				b.Table.Rows[r].Cells[c].Pos.Table = tables
			}
		}
	}
	d.Blocks = blocks

	var nt []int
	for _, p := range d.NoTextPages {
		if _, ok := got[p]; !ok {
			nt = append(nt, p)
		}
	}
	d.NoTextPages = nt
	ocr := slices.Clone(d.OCRPages)
	for _, p := range pages {
		if !slices.Contains(ocr, p) {
			ocr = append(ocr, p)
		}
	}
	sort.Ints(ocr)
	d.OCRPages = ocr
}

// notePage is the page a footnote starts on, 0 when unknown.
func notePage(f extract.Footnote) int {
	if len(f.Lines) > 0 {
		return f.Lines[0].Pos.Page
	}
	return 0
}

// isOCR reports whether table block b came from OCR: its cells carry no
// table number yet and its page was recognised.
func isOCR(b *extract.Block, got map[int]pageText) bool {
	p := b.Page()
	if _, ok := got[p]; !ok {
		return false
	}
	for _, r := range b.Table.Rows {
		for _, c := range r.Cells {
			return c.Pos.Table == 0
		}
	}
	return false
}
