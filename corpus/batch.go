package corpus

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// Status is what became of a file in a batch.
type Status int

// The statuses of an [Outcome].
const (
	// Ingested: the file was processed without error.
	Ingested Status = iota
	// Unchanged: the file's path, size and modification time are
	// already known; it was neither hashed nor processed.
	Unchanged
	// Duplicate: the file's content is the same as a file processed
	// earlier in the run or stored before; it was not processed.
	Duplicate
	// Failed: the file could not be read or its processing failed.
	Failed
)

var statusNames = [...]string{"ingested", "unchanged", "duplicate", "failed"}

// String returns the status in lower case, as in "ingested".
func (s Status) String() string {
	if s < 0 || int(s) >= len(statusNames) {
		return fmt.Sprintf("Status(%d)", int(s))
	}
	return statusNames[s]
}

// MarshalText writes the status as its name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Outcome is what became of one file.
type Outcome struct {
	File   File
	Status Status
	// Result is what Process returned for an ingested file.
	Result any
	// Err is the reason a file failed.
	Err error
	// SameAs is, for a duplicate of a file seen earlier in the same run,
	// that file's path; it is empty for a duplicate of stored content.
	SameAs string
	// Duration is the time spent hashing and processing the file.
	Duration time.Duration
}

// Failure is a failed file and the reason.
type Failure struct {
	Path   string
	Reason string
}

// Summary counts the outcomes of a run.
type Summary struct {
	// Found is the number of files the walk found.
	Found     int
	Ingested  int
	Unchanged int
	Duplicate int
	Failed    int
	// Pending counts the files found but not handled because the run
	// was cancelled or a commit failed; the next run handles them.
	Pending int
	// Failures lists the failed files in the order they were committed.
	Failures []Failure
	// Elapsed is the wall time of the run.
	Elapsed time.Duration
}

func (s *Summary) add(o Outcome) {
	switch o.Status {
	case Ingested:
		s.Ingested++
	case Unchanged:
		s.Unchanged++
	case Duplicate:
		s.Duplicate++
	case Failed:
		s.Failed++
		s.Failures = append(s.Failures, Failure{Path: o.File.Path, Reason: Reason(o.File.Path, o.Err)})
	}
}

// Reason returns err's message without a leading "path: ", which most
// errors about a file start with.
func Reason(path string, err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, p := range []string{path + ": ", "open " + path + ": "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return rest
		}
	}
	return msg
}

// Defaults for a [Batch].
const (
	DefaultCommitSize  = 64
	DefaultCommitEvery = 500 * time.Millisecond
)

// Batch runs a pipeline over the files of a corpus. The zero value with
// Process set is usable; every other field is optional.
//
// A file goes through these steps. The walk finds it ([Walk]). If
// Unchanged reports it known, it is an Unchanged outcome and is not
// opened. Otherwise a worker hashes it and detects its format
// ([Inspect]); if its hash was seen earlier in the run, or Known
// reports it stored, it is a Duplicate; otherwise the worker calls
// Process. Every outcome goes to Commit.
type Batch struct {
	// Workers is the number of files processed at once; 0 means
	// runtime.NumCPU().
	Workers int
	// Unchanged reports whether the database already holds this path
	// with this size and modification time. It is called from one
	// goroutine, before the file is opened.
	Unchanged func(File) bool
	// Known reports whether content with this SHA-256 is already
	// stored. Calls are serialised, but run concurrently with Commit.
	Known func(sha string) bool
	// Process runs the pipeline on one file, in a worker. f.Format and
	// f.SHA256 are set. A panic in Process is recovered and becomes a
	// failure of that file. ctx is not cancelled when the run is: a
	// file in flight is finished, so Process should bound its own time.
	Process func(ctx context.Context, f File) (any, error)
	// Commit receives the outcomes, all statuses included, in groups of
	// at most CommitSize, at least every CommitEvery while outcomes
	// arrive. It is called from one goroutine only. An error stops the
	// run: no more files are started and Run returns the error.
	Commit func(ctx context.Context, outcomes []Outcome) error
	// CommitSize and CommitEvery bound a group of outcomes; zero means
	// DefaultCommitSize and DefaultCommitEvery.
	CommitSize  int
	CommitEvery time.Duration
	// Progress is told of the run as it goes; nil shows nothing.
	Progress Progress

	mu   sync.Mutex
	seen map[string]string // sha → first path in this run
}

// Run walks roots and runs the batch over what it finds. It returns the
// summary and, if the run stopped early, why: ctx.Err() after a
// cancellation, once the files in flight are processed and committed,
// or the error from Commit or from the walk.
func (b *Batch) Run(ctx context.Context, roots []string) (Summary, error) {
	start := time.Now()
	prog := b.Progress
	if prog == nil {
		prog = nopProgress{}
	}
	var sum Summary
	var files []File
	err := Walk(ctx, roots, func(f File) error {
		files = append(files, f)
		return nil
	})
	sum.Found = len(files)
	if err != nil {
		sum.Pending = len(files)
		sum.Elapsed = time.Since(start)
		prog.Finish(sum)
		return sum, err
	}
	prog.Total(len(files))

	workers := b.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	size := b.CommitSize
	if size <= 0 {
		size = DefaultCommitSize
	}
	every := b.CommitEvery
	if every <= 0 {
		every = DefaultCommitEvery
	}
	b.mu.Lock()
	b.seen = map[string]string{}
	b.mu.Unlock()

	// stop is cancelled by ctx or by a failed commit: no new file starts.
	stop, cancel := context.WithCancel(ctx)
	defer cancel()
	// Files in flight and commits finish even after ctx is cancelled.
	keep := context.WithoutCancel(ctx)

	jobs := make(chan File)
	out := make(chan Outcome, 2*workers)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // dispatcher
		defer wg.Done()
		defer close(jobs)
		for _, f := range files {
			if stop.Err() != nil {
				return
			}
			if f.Err == nil && b.Unchanged != nil && b.Unchanged(f) {
				select {
				case out <- Outcome{File: f, Status: Unchanged}:
				case <-stop.Done():
					return
				}
				continue
			}
			select {
			case jobs <- f:
			case <-stop.Done():
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if stop.Err() != nil {
					continue // not started: left for the next run
				}
				prog.Start(f)
				out <- b.one(keep, f)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	var commitErr error
	group := make([]Outcome, 0, size)
	flush := func() {
		if len(group) == 0 || commitErr != nil {
			return
		}
		if b.Commit != nil {
			if err := b.Commit(keep, group); err != nil {
				commitErr = fmt.Errorf("corpus: commit: %w", err)
				cancel()
				return
			}
		}
		for _, o := range group {
			sum.add(o)
			prog.Done(o)
		}
		group = make([]Outcome, 0, size)
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
loop:
	for {
		select {
		case o, ok := <-out:
			if !ok {
				break loop
			}
			if commitErr != nil {
				continue // drain
			}
			group = append(group, o)
			if len(group) >= size {
				flush()
			}
		case <-tick.C:
			flush()
		}
	}
	flush()
	sum.Pending = sum.Found - sum.Ingested - sum.Unchanged - sum.Duplicate - sum.Failed
	sum.Elapsed = time.Since(start)
	prog.Finish(sum)
	if commitErr != nil {
		return sum, commitErr
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, nil
}

// one handles a file in a worker.
func (b *Batch) one(ctx context.Context, f File) (o Outcome) {
	t0 := time.Now()
	o.File = f
	defer func() { o.Duration = time.Since(t0) }()
	if f.Err != nil {
		o.Status, o.Err = Failed, f.Err
		return o
	}
	if err := Inspect(&o.File); err != nil {
		o.Status, o.Err = Failed, err
		return o
	}
	f = o.File
	b.mu.Lock()
	first, dup := b.seen[f.SHA256]
	if !dup && b.Known != nil && b.Known(f.SHA256) {
		dup = true
	}
	if !dup {
		b.seen[f.SHA256] = f.Path
	}
	b.mu.Unlock()
	if dup {
		o.Status, o.SameAs = Duplicate, first
		return o
	}
	if b.Process == nil {
		o.Status = Ingested
		return o
	}
	res, err := safeProcess(ctx, b.Process, f)
	if err != nil {
		o.Status, o.Err = Failed, err
		return o
	}
	o.Status, o.Result = Ingested, res
	return o
}

// safeProcess calls process, turning a panic into an error.
func safeProcess(ctx context.Context, process func(context.Context, File) (any, error), f File) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{Path: f.Path, Value: r, Stack: debug.Stack()}
		}
	}()
	return process(ctx, f)
}

// PanicError is the failure of a file whose Process call panicked.
type PanicError struct {
	Path  string
	Value any
	// Stack is the goroutine's stack at the panic.
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("%s: panic: %v", e.Path, e.Value) }
