package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/ocr"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/report"
)

// Options control a [Pipeline]. The zero value is usable.
type Options struct {
	// Timeout and MaxMemory bound the parsing of one file in its child
	// process; zero means extract.DefaultTimeout and
	// extract.DefaultMaxMemory.
	Timeout   time.Duration
	MaxMemory int64
	// InProcess parses in this process instead of an isolated child
	// (for debugging: a hostile file can then take the process down).
	InProcess bool
	// Read is passed to the format readers.
	Read extract.Options
	// OCR controls the recognition of pages without a text layer; its
	// Mode decides whether OCR runs at all (see [Pipeline.Report]). Its
	// PageTimeout and MaxMemory, when zero, are Timeout and MaxMemory:
	// OCR runs under the same limits as parsing, its time limit by page,
	// as a signed report of forty scanned pages is not a hostile file.
	OCR ocr.Options
	// Province is the province of the reports whose text does not name
	// theirs: a GSO code or a name as normalize.LookupProvince reads it.
	// It wins over the file's path but not over a text that names its
	// province unambiguously (see normalize.Identify); a text that
	// contradicts it gets a warning.
	Province string
	// TreeMemoryLimit, when positive, is the soft memory limit
	// (debug.SetMemoryLimit) of this process once it starts parser
	// children: the memory of the whole process tree is what counts
	// then, and the parent's heap is kept small; an ingest of text
	// alone, which starts none, keeps its memory for fewer collections.
	TreeMemoryLimit int64
}

// Check reports whether the options are valid.
func (o Options) Check() error {
	switch o.OCR.Mode {
	case "", ocr.ModeAuto, ocr.ModeAlways, ocr.ModeNever:
	default:
		return fmt.Errorf("unknown OCR mode %q: want auto, always or never", o.OCR.Mode)
	}
	if o.Province != "" {
		if _, err := normalize.LookupProvince(o.Province); err != nil {
			return err
		}
	}
	return nil
}

// Pipeline runs files through extract, OCR when needed, normalize, the
// rules and the checks. It owns the parser children (an [extract.Pool]),
// started on first use and stopped by Close. A Pipeline is safe for
// concurrent use: each concurrent call gets a child of its own.
type Pipeline struct {
	opt Options

	poolOnce sync.Once
	pool     *extract.Pool
}

// New returns a Pipeline with the given options, or an error if they
// are invalid.
func New(opt Options) (*Pipeline, error) {
	if err := opt.Check(); err != nil {
		return nil, err
	}
	if opt.OCR.PageTimeout == 0 {
		opt.OCR.PageTimeout = opt.Timeout
	}
	if opt.OCR.MaxMemory == 0 {
		opt.OCR.MaxMemory = opt.MaxMemory
	}
	// The rules' keyword automaton is built while the first file is
	// read.
	go rules.Prepare()
	return &Pipeline{opt: opt}, nil
}

// Close stops the parser children.
func (p *Pipeline) Close() error {
	p.poolOnce.Do(func() {}) // no pool is started after Close
	if p.pool != nil {
		return p.pool.Close()
	}
	return nil
}

// Report reads f and returns its report. f must have been inspected
// ([corpus.Inspect] or [corpus.Load]): its format and SHA-256 are taken
// as they are, never detected or computed again.
//
// Text and Markdown are read in this process: their reader does no
// parsing a hostile file could exploit, and a child would cost more
// than the read. PDF and DOCX are read by a parser child under the
// per-file limits, unless Options.InProcess is set. OCR runs when
// [needOCR] says so.
func (p *Pipeline) Report(ctx context.Context, f corpus.File) (*report.Report, error) {
	if f.Format == "" || f.SHA256 == "" {
		return nil, fmt.Errorf("%s: not inspected (format and SHA-256 unknown)", f.Path)
	}
	doc, err := p.read(ctx, f)
	if needOCR(f.Format, doc, err, p.opt.OCR.Mode) {
		if errors.Is(err, extract.ErrNoText) {
			doc = nil // the whole file is a scan
		}
		doc, err = p.ocr(ctx, f, doc)
	}
	if err != nil {
		return nil, err
	}
	rep := rules.Apply(normalize.NormalizeHints(doc, normalize.Hints{Path: f.Path, Province: p.opt.Province}))
	rep.File = corpus.Escape(filepath.Base(f.Path))
	rep.SHA256 = f.SHA256
	return rep, nil
}

// read reads f in this process or in a parser child.
func (p *Pipeline) read(ctx context.Context, f corpus.File) (*extract.Document, error) {
	if p.opt.InProcess || f.Format == corpus.Text || f.Format == corpus.Markdown {
		return extract.ReadFile(ctx, f, p.opt.Read)
	}
	p.poolOnce.Do(func() {
		if p.opt.TreeMemoryLimit > 0 {
			debug.SetMemoryLimit(p.opt.TreeMemoryLimit)
		}
		p.pool = extract.NewPool(extract.IsolateOptions{Timeout: p.opt.Timeout, MaxMemory: p.opt.MaxMemory, Options: p.opt.Read})
	})
	if p.pool == nil {
		return nil, fmt.Errorf("%s: pipeline closed", f.Path)
	}
	return p.pool.Read(ctx, f)
}

// ocr recognises the pages of f that need it, adding them to doc (nil
// when f has no text layer at all). The OCR tools read a file by name:
// they are given a private copy of f.Data, so that they read the bytes
// that were hashed and parsed, whatever became of f.Path since.
func (p *Pipeline) ocr(ctx context.Context, f corpus.File, doc *extract.Document) (*extract.Document, error) {
	dir, err := os.MkdirTemp("", "baocao-scan-")
	if err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", f.Path, err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(tmp, f.Data, 0o600); err != nil {
		return nil, fmt.Errorf("%s: OCR: %w", f.Path, err)
	}
	out, err := ocr.Fill(ctx, tmp, doc, p.opt.OCR)
	// Fill names the file it read in its errors and warnings: name f.
	if err != nil {
		return nil, &renamed{err: err, from: tmp, to: f.Path}
	}
	out.Path = f.Path
	for i, w := range out.Warnings {
		out.Warnings[i] = strings.ReplaceAll(w, tmp, f.Path)
	}
	return out, nil
}

// renamed is an error whose message names the file from under the name
// to.
type renamed struct {
	err      error
	from, to string
}

func (e *renamed) Error() string { return strings.ReplaceAll(e.err.Error(), e.from, e.to) }
func (e *renamed) Unwrap() error { return e.err }

// needOCR decides whether a file read as format, giving doc and err,
// goes to OCR under mode: only PDFs, never with ocr.ModeNever; with
// ocr.ModeAlways every PDF that was read; otherwise a PDF without any
// text layer (extract.ErrNoText) or with pages lacking one.
func needOCR(format corpus.Format, doc *extract.Document, err error, mode string) bool {
	if format != corpus.PDF || mode == ocr.ModeNever {
		return false
	}
	if errors.Is(err, extract.ErrNoText) {
		return true
	}
	return err == nil && (len(doc.NoTextPages) > 0 || mode == ocr.ModeAlways)
}
