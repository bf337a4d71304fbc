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

// Outcome is what became of one file: what a [Progress] and a
// [Summary] are told. [Result] adds what Process returned.
type Outcome struct {
	File   File
	Status Status
	// Err is the reason a file failed.
	Err error
	// SameAs is, for a duplicate of a file seen earlier in the same run,
	// that file's path; it is empty for a duplicate of stored content.
	SameAs string
	// Duration is the time spent hashing and processing the file.
	Duration time.Duration
	// Detail is a short description of an ingested file's result, such
	// as "45 metrics", from [Batch.Describe]; it may be empty.
	Detail string

	// abandoned marks a file whose processing was cut short by the
	// run's cancellation: it is not committed, and stays pending.
	abandoned bool
}

// Result is the outcome of one file with the value Process returned
// for it, which is the zero R unless Status is Ingested.
type Result[R any] struct {
	Outcome
	Value R
}

// Failure is a failed file and the reason, as they are shown
// ([Escape]).
type Failure struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
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
	// Skipped lists the files the walk passed over (not counted in
	// Found), with the reason.
	Skipped []Skipped
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
		s.Failures = append(s.Failures, Failure{Path: Escape(o.File.Path), Reason: Reason(o.File.Path, o.Err)})
	}
}

// Reason returns err's message without a leading "path: ", which most
// errors about a file start with, as it can be shown ([Escape]).
func Reason(path string, err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	for _, p := range []string{path + ": ", "open " + path + ": "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			return Escape(rest)
		}
	}
	return Escape(msg)
}

// Defaults for a [Batch].
const (
	DefaultCommitSize  = 64
	DefaultCommitEvery = 500 * time.Millisecond
	DefaultStopGrace   = 400 * time.Millisecond
)

// Batch runs a pipeline over the files of a corpus; R is what the
// pipeline returns for one file. The zero value with Process set is
// usable; every other field is optional.
//
// A file goes through these steps. The walk finds it ([Walk]). If
// Unchanged reports it known, it is an Unchanged outcome and is not
// opened. Otherwise a worker hashes it and detects its format
// ([Inspect]); if its hash was seen earlier in the run, or Known
// reports it stored, it is a Duplicate; otherwise the worker calls
// Process. Every outcome goes to Commit.
//
// A duplicate of a file seen earlier in the same run waits for that
// first copy: it is committed in the same group as the first copy or a
// later one, never before, so that Commit can record its path against
// content already stored. If the first copy failed, the duplicate fails
// with it (its error names the first copy), so that the next run reads
// both again.
type Batch[R any] struct {
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
	// Process runs the pipeline on one file, in a worker. f.Data,
	// f.Format and f.SHA256 are set (see [Inspect]). A panic in Process
	// is recovered and becomes a failure of that file. When the run is
	// cancelled, files in flight get StopGrace to finish; then ctx is
	// cancelled, and a file whose Process returns an error after that is
	// neither failed nor committed: it is left for the next run.
	Process func(ctx context.Context, f File) (R, error)
	// Describe, if set, gives the Detail of an ingested file's outcome
	// from its value, for the progress display. It is called in the
	// worker, after Process.
	Describe func(R) string
	// Commit receives the results, all statuses included, in groups of
	// about CommitSize (a first copy brings its waiting duplicates into
	// its group), at least every CommitEvery while results arrive. It
	// is called from one goroutine only. An error stops the run: no
	// more files are started and Run returns the error.
	Commit func(ctx context.Context, results []Result[R]) error
	// CommitSize and CommitEvery bound a group of outcomes; zero means
	// DefaultCommitSize and DefaultCommitEvery.
	CommitSize  int
	CommitEvery time.Duration
	// StopGrace is how long files in flight may go on after the run is
	// cancelled before their Process context is cancelled too; zero
	// means DefaultStopGrace. It bounds the time Run takes to return
	// after a Ctrl-C.
	StopGrace time.Duration
	// Progress is told of the run as it goes; nil shows nothing.
	Progress Progress
	// MaxSize caps the size of a file read; 0 means DefaultMaxSize.
	MaxSize int64
	// KeepData keeps the content of an ingested file in its result
	// (Result.File.Data) for Commit, to store it; else the content is
	// dropped once the file is processed. It costs the memory of a
	// commit group's files.
	KeepData bool

	mu   sync.Mutex
	seen map[string]string // sha → first path in this run
}

// Run walks roots and runs the batch over what it finds. It returns the
// summary and, if the run stopped early, why: ctx.Err() after a
// cancellation, once the files in flight have returned and what they
// finished is committed, or the error from Commit or from the walk.
func (b *Batch[R]) Run(ctx context.Context, roots []string) (Summary, error) {
	start := time.Now()
	prog := b.Progress
	if prog == nil {
		prog = nopProgress{}
	}
	var sum Summary
	var files []File
	err := WalkSkipped(ctx, roots, func(f File) error {
		files = append(files, f)
		return nil
	}, func(s Skipped) { sum.Skipped = append(sum.Skipped, s) })
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
	// Commits finish even after ctx is cancelled; files in flight get
	// StopGrace more (inflight is cancelled that long after ctx).
	keep := context.WithoutCancel(ctx)
	grace := b.StopGrace
	if grace <= 0 {
		grace = DefaultStopGrace
	}
	inflight, cancelInflight := context.WithCancel(keep)
	defer cancelInflight()
	go func() {
		select {
		case <-stop.Done():
			select {
			case <-time.After(grace):
			case <-inflight.Done():
			}
		case <-inflight.Done():
		}
		cancelInflight()
	}()

	jobs := make(chan File)
	out := make(chan Result[R], 2*workers)
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
				case out <- Result[R]{Outcome: Outcome{File: f, Status: Unchanged}}:
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
				out <- b.one(inflight, f)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	var commitErr error
	group := make([]Result[R], 0, size)
	var dups duplicates[R]
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
			sum.add(o.Outcome)
			prog.Done(o.Outcome)
		}
		group = make([]Result[R], 0, size)
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
			if commitErr != nil || o.abandoned {
				continue // drain; an abandoned file is left pending
			}
			group = dups.add(group, o)
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
func (b *Batch[R]) one(ctx context.Context, f File) (o Result[R]) {
	t0 := time.Now()
	o.File = f
	defer func() { o.Duration = time.Since(t0) }()
	if f.Err != nil {
		o.Status, o.Err = Failed, f.Err
		return o
	}
	if err := Inspect(&o.File, b.MaxSize); err != nil {
		o.Status, o.Err = Failed, err
		return o
	}
	f = o.File
	// The content is for Process (and, with KeepData, for Commit): an
	// outcome waits for its commit without it.
	o.File.Data = nil
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
		o.Status, o.Err, o.abandoned = Failed, err, ctx.Err() != nil
		return o
	}
	o.Status, o.Value = Ingested, res
	if b.KeepData {
		o.File.Data = f.Data
	}
	if b.Describe != nil {
		o.Detail = b.Describe(res)
	}
	return o
}

// duplicates holds the duplicates of first copies not yet committed.
type duplicates[R any] struct {
	// waiting are the duplicates of each first copy (by SHA-256) whose
	// outcome has not arrived.
	waiting map[string][]Result[R]
	// first is the outcome of each first copy that has arrived.
	first map[string]Outcome
}

// add appends o to group, unless o is a duplicate whose first copy has
// not arrived yet: it then waits for it. A first copy brings its
// waiting duplicates into the group after it.
func (d *duplicates[R]) add(group []Result[R], o Result[R]) []Result[R] {
	sha := o.File.SHA256
	if o.Status == Duplicate && o.SameAs != "" {
		first, ok := d.first[sha]
		if !ok {
			if d.waiting == nil {
				d.waiting = map[string][]Result[R]{}
			}
			d.waiting[sha] = append(d.waiting[sha], o)
			return group
		}
		return append(group, sameFate(o, first))
	}
	group = append(group, o)
	if o.Status != Ingested && o.Status != Failed || sha == "" {
		return group
	}
	if d.first == nil {
		d.first = map[string]Outcome{}
	}
	first := o.Outcome
	first.File.Data = nil // kept for the run: not the content
	d.first[sha] = first
	for _, w := range d.waiting[sha] {
		group = append(group, sameFate(w, o.Outcome))
	}
	delete(d.waiting, sha)
	return group
}

// sameFate returns the duplicate dup of the file first: a failure if
// first failed.
func sameFate[R any](dup Result[R], first Outcome) Result[R] {
	if first.Status == Failed {
		dup.Status = Failed
		dup.Err = fmt.Errorf("%s: same content as %s, which failed: %w", dup.File.Path, first.File.Path, first.Err)
	}
	return dup
}

// safeProcess calls process, turning a panic into an error.
func safeProcess[R any](ctx context.Context, process func(context.Context, File) (R, error), f File) (res R, err error) {
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
