package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/extract/ocr"
	"github.com/baocao/baocao/rules/pipeline"
	"github.com/baocao/baocao/rules/report"
)

// pipelineFlags are the flags of the commands that read reports
// (ingest, extract, eval): the options of a pipeline.Pipeline.
type pipelineFlags struct {
	opt          pipeline.Options
	maxMemMiB    int64
	passwordFile string
}

// add registers the flags with fs.
func (p *pipelineFlags) add(fs *flag.FlagSet) {
	fs.DurationVar(&p.opt.Timeout, "timeout", 60*time.Second, "time limit for parsing one file, and for the OCR of each of its scanned pages")
	fs.Int64Var(&p.maxMemMiB, "max-memory", 2048, "memory limit for parsing one file, in MiB")
	fs.BoolVar(&p.opt.InProcess, "in-process", false, "parse in this process instead of an isolated child (for debugging)")
	fs.StringVar(&p.opt.OCR.Mode, "ocr", ocr.ModeAuto, "OCR of scanned pages: auto (pages without a text layer), always, or never")
	fs.StringVar(&p.opt.OCR.Lang, "ocr-lang", "vie", "Tesseract language for OCR")
	fs.IntVar(&p.opt.OCR.DPI, "ocr-dpi", 200, "resolution at which pages are rendered for OCR")
	fs.StringVar(&p.opt.Read.Password, "password", "", "password of encrypted PDFs (visible to other users in the process list: prefer --password-file)")
	fs.StringVar(&p.passwordFile, "password-file", "", "read the password of encrypted PDFs from the first line of `file`")
	fs.StringVar(&p.opt.Province, "province", "", "province of reports whose text names none: GSO code or name (the text wins when it names its own; default: from the file's path)")
	p.opt.OCR.Workers = runtime.NumCPU()
	// Once parser children run, the parent's heap (about 10 MB live
	// during an ingest) may not grow to five times that: the whole
	// process tree's memory counts.
	p.opt.TreeMemoryLimit = 32 << 20
}

// parse parses args with fs, which holds the pipeline's flags, and
// checks them; p.opt is then ready for pipeline.New.
func (p *pipelineFlags) parse(fs *flag.FlagSet, args []string) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p.opt.MaxMemory = p.maxMemMiB << 20
	if p.passwordFile != "" {
		b, err := os.ReadFile(p.passwordFile)
		if err != nil {
			return fmt.Errorf("--password-file: %w", err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		p.opt.Read.Password = strings.TrimRight(line, "\r")
	}
	return p.opt.Check()
}

// readReport loads the file at path and runs it through a pipeline
// with opt.
func readReport(ctx context.Context, opt pipeline.Options, path string) (*report.Report, error) {
	f, err := corpus.Load(path)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(opt)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	rep, err := p.Report(ctx, f)
	if errors.Is(err, extract.ErrEncrypted) && opt.Read.Password == "" {
		return nil, fmt.Errorf("%w (if you have its password, give it with --password-file FILE)", err)
	}
	return rep, err
}
