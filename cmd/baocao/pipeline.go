package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
	"github.com/baocao/baocao/normalize"
	"github.com/baocao/baocao/rules"
)

// pipeline runs one file through extract → normalize → rules.
type pipeline struct {
	timeout   time.Duration
	maxMemMiB int64
	inProcess bool
}

// addFlags registers the pipeline's flags.
func (p *pipeline) addFlags(fs *flag.FlagSet) {
	fs.DurationVar(&p.timeout, "timeout", 60*time.Second, "time limit for parsing one file")
	fs.Int64Var(&p.maxMemMiB, "max-memory", 2048, "memory limit for parsing one file, in MiB")
	fs.BoolVar(&p.inProcess, "in-process", false, "parse in this process instead of an isolated child (for debugging)")
}

// report reads path and extracts its report. sha is the file's SHA-256
// when the caller has it already.
func (p *pipeline) report(ctx context.Context, path, sha string) (*rules.Report, error) {
	if sha == "" {
		var err error
		if sha, err = corpus.HashFile(path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var doc *extract.Document
	var err error
	if p.inProcess {
		doc, err = extract.Read(ctx, path, extract.Options{})
	} else {
		doc, err = extract.ReadIsolated(ctx, path, extract.IsolateOptions{
			Timeout: p.timeout, MaxMemory: p.maxMemMiB << 20})
	}
	if err != nil {
		return nil, err
	}
	rep := rules.Apply(normalize.Normalize(doc))
	rep.File = filepath.Base(path)
	rep.SHA256 = sha
	return rep, nil
}
