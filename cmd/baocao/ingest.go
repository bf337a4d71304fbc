package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/baocao/baocao/rules/report"
	"io"
	"os"
	"runtime"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/store"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", "[--db FILE] [--workers N] [--json] PATH...", `Ingest walks the given files and folders, reads every report (.pdf, .docx,
.txt, .md; the format is detected from the content) and stores each
document, its figures with their evidence, its budget items and its flags.

Files whose path, size and modification time are already recorded are
skipped without being read; the same content under another name is stored
once with both paths. Each file is parsed in a child process with a time
and memory limit, so a hostile file fails alone. Ctrl-C stops after the
files in flight are stored; the next run finishes the rest.

The exit status is 1 when any file failed; everything else is stored.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file` (created if missing)")
	workers := fs.Int("workers", runtime.NumCPU(), "number of files parsed in parallel")
	jsonLines := fs.Bool("json", false, "print one JSON object per file instead of progress")
	var p pipeline
	defer p.close()
	p.addFlags(fs)
	if err := p.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	db, err := store.Open(ctx, *dbPath, rules.Catalog())
	if err != nil {
		return err
	}
	defer db.Close()
	runID, err := db.BeginRun(ctx)
	if err != nil {
		return err
	}

	var metrics, flags int
	var dups []store.Item // duplicates waiting for their first copy
	describe := func(o corpus.Outcome) string {
		if rep, ok := o.Result.(*report.Report); ok {
			s := fmt.Sprintf("%d metrics, %d flags", len(rep.Metrics), len(rep.Flags))
			if n := len(rep.OCRPages); n > 0 {
				s += fmt.Sprintf(", %d pages by OCR", n)
			}
			return s
		}
		return ""
	}
	out, _ := stderr.(*os.File)
	if *jsonLines {
		out = nil
	}
	var progress corpus.Progress
	switch {
	case *jsonLines:
		progress = corpus.NewJSONProgress(stdout, describe)
	case out != nil:
		progress = corpus.NewProgress(out, false, describe)
	default:
		progress = corpus.NewPlainProgress(stderr, describe)
	}

	p.ocrWorkers = max(1, *workers)
	p.onPage = func() { progress.PagesDone(1) }
	batch := &corpus.Batch{
		Workers: *workers,
		Unchanged: func(f corpus.File) bool {
			_, ok, err := db.Unchanged(f.Path, f.Size, f.ModTime)
			return err == nil && ok
		},
		Known: func(sha string) bool {
			_, ok, err := db.BySHA(sha)
			return err == nil && ok
		},
		Process: func(ctx context.Context, f corpus.File) (any, error) {
			return p.report(ctx, f.Path, f.SHA256)
		},
		Commit: func(ctx context.Context, outs []corpus.Outcome) error {
			var items []store.Item
			for _, o := range outs {
				info := store.DocInfo{Path: o.File.Path, SHA256: o.File.SHA256, Format: string(o.File.Format),
					Size: o.File.Size, ModTime: o.File.ModTime}
				switch o.Status {
				case corpus.Ingested:
					rep := o.Result.(*report.Report)
					metrics += len(rep.Metrics)
					flags += len(rep.Flags)
					items = append(items, store.Item{Info: info, Report: rep})
				case corpus.Duplicate:
					// The first file with this content may still be in
					// flight: its path is recorded once it is stored.
					dups = append(dups, store.Item{Info: info})
				case corpus.Failed:
					items = append(items, store.Item{Info: info, Err: o.Err})
				}
			}
			items = append(items, readyDuplicates(db, items, &dups)...)
			if len(items) == 0 {
				return nil
			}
			// The commit must not be cut short by Ctrl-C: the files in
			// flight are stored before the run stops.
			return db.SaveBatch(context.WithoutCancel(ctx), items)
		},
		Progress: progress,
	}
	sum, runErr := batch.Run(ctx, fs.Args())
	if rest := readyDuplicates(db, nil, &dups); len(rest) > 0 {
		if err := db.SaveBatch(context.WithoutCancel(ctx), rest); err != nil && runErr == nil {
			runErr = err
		}
	}
	if err := db.EndRun(context.WithoutCancel(ctx), runID, store.RunCounts{
		Seen: sum.Found, Saved: sum.Ingested, Skipped: sum.Unchanged, Duplicates: sum.Duplicate, Failed: sum.Failed,
	}); err != nil && runErr == nil {
		runErr = err
	}
	w := stderr
	if *jsonLines {
		w = stdout
	}
	if err := corpus.WriteSummary(w, sum); err != nil {
		return err
	}
	fmt.Fprintf(w, "metrics stored: %d, flags stored: %d, database: %s\n", metrics, flags, *dbPath)
	switch {
	case errors.Is(runErr, context.Canceled):
		fmt.Fprintf(w, "interrupted: %d files left for the next run\n", sum.Pending)
		return errFailed
	case runErr != nil:
		return runErr
	case sum.Failed > 0:
		return errFailed
	}
	return nil
}

// readyDuplicates returns the waiting duplicates whose content is stored,
// or is about to be stored by items, and keeps the others waiting. A
// duplicate of a file that failed stays unrecorded, so that the next run
// reads it again.
func readyDuplicates(db *store.DB, items []store.Item, dups *[]store.Item) []store.Item {
	saving := map[string]bool{}
	for _, it := range items {
		if it.Report != nil {
			saving[it.Info.SHA256] = true
		}
	}
	var ready, wait []store.Item
	for _, d := range *dups {
		if _, ok, err := db.BySHA(d.Info.SHA256); saving[d.Info.SHA256] || err == nil && ok {
			ready = append(ready, d)
		} else {
			wait = append(wait, d)
		}
	}
	*dups = wait
	return ready
}
