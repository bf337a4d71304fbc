package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/ocr"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
)

// pipeline runs one file through extract → normalize → rules.
type pipeline struct {
	timeout   time.Duration
	maxMemMiB int64
	inProcess bool
	ocrMode   string
	ocrLang   string
	ocrDPI    int
	// ocrWorkers is how many pages of one scan are recognised at once.
	ocrWorkers int
	// onPage is called after each page recognised by OCR.
	onPage func()

	poolOnce sync.Once
	pool     *extract.Pool // the parser children, kept from file to file
}

// close stops the parser children.
func (p *pipeline) close() {
	if p.pool != nil {
		p.pool.Close()
	}
}

// addFlags registers the pipeline's flags.
func (p *pipeline) addFlags(fs *flag.FlagSet) {
	fs.DurationVar(&p.timeout, "timeout", 60*time.Second, "time limit for parsing one file")
	fs.Int64Var(&p.maxMemMiB, "max-memory", 2048, "memory limit for parsing one file, in MiB")
	fs.BoolVar(&p.inProcess, "in-process", false, "parse in this process instead of an isolated child (for debugging)")
	fs.StringVar(&p.ocrMode, "ocr", ocr.ModeAuto, "OCR of scanned pages: auto (pages without a text layer), always, or never")
	fs.StringVar(&p.ocrLang, "ocr-lang", "vie", "Tesseract language for OCR")
	fs.IntVar(&p.ocrDPI, "ocr-dpi", 200, "resolution at which pages are rendered for OCR")
	p.ocrWorkers = runtime.NumCPU()
}

// parseFlags parses args with fs, which holds the pipeline's flags, and
// validates them.
func (p *pipeline) parseFlags(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch p.ocrMode {
	case ocr.ModeAuto, ocr.ModeAlways, ocr.ModeNever:
		return nil
	}
	return fmt.Errorf("unknown --ocr %q: want auto, always or never", p.ocrMode)
}

// report reads path and extracts its report. sha is the file's SHA-256
// when the caller has it already.
func (p *pipeline) report(ctx context.Context, path, sha string) (*report.Report, error) {
	if sha == "" {
		var err error
		if sha, err = corpus.HashFile(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var doc *extract.Document
	var err error
	format, _ := corpus.DetectFile(path)
	// Text needs no isolation: its reader does no parsing a hostile file
	// could exploit, and a child process would cost more than the read.
	if p.inProcess || format == corpus.Text || format == corpus.Markdown {
		doc, err = extract.Read(ctx, path, extract.Options{})
	} else {
		p.poolOnce.Do(func() {
			p.pool = extract.NewPool(extract.IsolateOptions{Timeout: p.timeout, MaxMemory: p.maxMemMiB << 20})
		})
		doc, err = p.pool.Read(ctx, path)
	}
	if format == corpus.PDF && p.ocrMode != ocr.ModeNever &&
		(errors.Is(err, extract.ErrNoText) || err == nil && (len(doc.NoTextPages) > 0 || p.ocrMode == ocr.ModeAlways)) {
		if errors.Is(err, extract.ErrNoText) {
			doc = nil // the whole file is a scan
		}
		opt := ocr.Options{Mode: p.ocrMode, Lang: p.ocrLang, DPI: p.ocrDPI, Workers: p.ocrWorkers}
		if p.onPage != nil {
			opt.Progress = func(int) { p.onPage() }
		}
		doc, err = ocr.Fill(ctx, path, doc, opt)
	}
	if err != nil {
		return nil, err
	}
	rep := rules.Apply(normalize.Normalize(doc))
	rep.File = filepath.Base(path)
	rep.SHA256 = sha
	return rep, nil
}
