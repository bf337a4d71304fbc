package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/baocao/baocao/cmd/baocao/internal/msg"
	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/rules"
	"github.com/baocao/baocao/rules/pipeline"
	"github.com/baocao/baocao/rules/report"
	"github.com/baocao/baocao/store"
	"golang.org/x/text/message"
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

Files in folders that are not reports (.doc, spreadsheets, archives,
images, hidden files) are skipped, and the summary lists them by reason.
Results go to standard output: one line per file (with --json one JSON
object per file, then {"summary": …}) and the summary; a live progress bar
goes to standard error when it is a terminal.

The exit status is 1 when any file failed or no report was found, 2 for a
usage error or a path that does not exist (then nothing is created), 130
when interrupted; everything read is stored.`, stderr)
	dbPath := fs.String("db", "baocao.db", "SQLite database `file` (created if missing)")
	workers := fs.Int("workers", runtime.NumCPU(), "number of files parsed in parallel")
	jsonLines := fs.Bool("json", false, "print one JSON object per file instead of progress")
	noOriginals := fs.Bool("no-originals", false, "do not store the files' bytes in the database (the web view then shows no page images)")
	var pf pipelineFlags
	pf.add(fs)
	if err := pf.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	pr := msg.From(ctx)
	// A path that does not exist is a mistake on the command line, not
	// a failed report: say so before anything is created.
	for _, root := range fs.Args() {
		if _, err := os.Stat(root); err != nil {
			fmt.Fprintf(stderr, "baocao ingest: %s\n", pr.Sprintf("%s: no such file or folder", root))
			return errUsage
		}
	}
	// One writer: a second ingest on the database waits for the first.
	db, err := store.OpenWait(ctx, *dbPath, rules.Catalog(), func(err error) {
		fmt.Fprintf(stderr, "baocao ingest: %s\n", pr.Sprintf("%s; waiting for it to finish (Ctrl-C to give up)", err))
	})
	if err != nil {
		return err
	}
	defer db.Close()
	runID, err := db.BeginRun(ctx)
	if err != nil {
		return err
	}

	// Results (a line or a JSON object per file) go to stdout unless it
	// is a terminal that shows the bar; the bar goes to stderr when it
	// is a terminal.
	var shows []corpus.Progress
	if f, ok := stderr.(*os.File); ok && isTerminal(f) {
		shows = append(shows, corpus.NewBarProgress(f))
	}
	switch {
	case *jsonLines:
		shows = append(shows, corpus.NewJSONProgress(stdout))
	case !isTerminal(stdout) || len(shows) == 0:
		shows = append(shows, corpus.NewPlainProgress(stdout))
	}
	progress := corpus.Tee(shows...)

	pf.opt.OCR.Workers = max(1, *workers)
	pf.opt.OCR.Progress = func(int) { progress.PagesDone(1) }
	p, err := pipeline.New(pf.opt)
	if err != nil {
		return err
	}
	defer p.Close()
	var metrics, flags int
	batch := &corpus.Batch[*report.Report]{
		Workers: *workers,
		Unchanged: func(f corpus.File) bool {
			_, ok, err := db.Unchanged(f.Path, f.Size, f.ModTime)
			return err == nil && ok
		},
		Known: func(sha string) bool {
			_, ok, err := db.BySHA(sha)
			return err == nil && ok
		},
		Process:  p.Report,
		Describe: func(rep *report.Report) string { return describe(pr, rep) },
		KeepData: !*noOriginals,
		Commit: func(ctx context.Context, results []corpus.Result[*report.Report]) error {
			items := make([]store.Item, 0, len(results))
			for _, o := range results {
				info := store.DocInfo{Path: o.File.Path, SHA256: o.File.SHA256, Format: string(o.File.Format),
					Size: o.File.Size, ModTime: o.File.ModTime}
				switch o.Status {
				case corpus.Ingested:
					metrics += len(o.Value.Metrics)
					flags += len(o.Value.Flags)
					// The original is the bytes hashed and parsed.
					items = append(items, store.Item{Info: info, Report: o.Value, Original: o.File.Data})
				case corpus.Duplicate:
					// The batch commits a duplicate with or after its
					// first copy: only its path is recorded.
					items = append(items, store.Item{Info: info})
				case corpus.Failed:
					items = append(items, store.Item{Info: info, Err: o.Err})
				}
			}
			// The commit must not be cut short by Ctrl-C: the files in
			// flight are stored before the run stops.
			return db.SaveBatch(context.WithoutCancel(ctx), items)
		},
		Progress: progress,
	}
	sum, runErr := batch.Run(ctx, fs.Args())
	if err := db.EndRun(context.WithoutCancel(ctx), runID, store.RunCounts{
		Seen: sum.Found, Saved: sum.Ingested, Skipped: sum.Unchanged, Duplicates: sum.Duplicate, Failed: sum.Failed,
	}); err != nil && runErr == nil {
		runErr = err
	}
	res := ingestSummary{Summary: sum, Metrics: metrics, Flags: flags, Database: *dbPath,
		Interrupted: errors.Is(runErr, context.Canceled)}
	if *jsonLines {
		err = writeSummaryJSON(stdout, res)
	} else {
		err = writeSummary(stdout, pr, res)
	}
	if err != nil {
		return err
	}
	switch {
	case res.Interrupted:
		return errFailed
	case runErr != nil:
		return runErr
	case sum.Found == 0:
		return errors.New(pr.Sprintf("no reports found in %s (reports are .pdf, .docx, .txt and .md files)", strings.Join(fs.Args(), ", ")))
	case sum.Failed > 0:
		return errFailed
	}
	return nil
}

// describe sums up an ingested report for the progress display, in the
// language of pr.
func describe(pr *message.Printer, rep *report.Report) string {
	s := pr.Sprintf("%d metrics", len(rep.Metrics)) + ", " + pr.Sprintf("%d flags", len(rep.Flags))
	if n := len(rep.OCRPages); n > 0 {
		s += pr.Sprintf(", %d pages by OCR (mean confidence %.0f)", n, rep.OCRConf)
	}
	if len(rep.Metrics) == 0 {
		s += pr.Sprintf(", no figure found")
	}
	return s
}
