package corpus

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// recorder is a Commit function that keeps what it is given and checks
// it is never called concurrently.
type recorder struct {
	mu       sync.Mutex
	busy     bool
	calls    int
	outcomes []Result[int]
	// groups holds each commit's results.
	groups [][]Result[int]
	t      *testing.T
}

func (r *recorder) commit(ctx context.Context, os []Result[int]) error {
	r.mu.Lock()
	if r.busy {
		r.t.Error("Commit called concurrently")
	}
	r.busy = true
	r.mu.Unlock()
	defer func() { r.mu.Lock(); r.busy = false; r.mu.Unlock() }()
	r.calls++
	r.outcomes = append(r.outcomes, os...)
	r.groups = append(r.groups, os)
	return nil
}

func (r *recorder) byStatus() map[Status][]string {
	m := map[Status][]string{}
	for _, o := range r.outcomes {
		m[o.Status] = append(m[o.Status], filepath.Base(o.File.Path))
	}
	for _, v := range m {
		slices.Sort(v)
	}
	return m
}

// writeFiles writes files name → content under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func countMetrics(ctx context.Context, f File) (int, error) {
	if strings.Contains(f.Path, "bad") {
		return 0, fmt.Errorf("%s: encrypted (AES-256): unsupported", f.Path)
	}
	if strings.Contains(f.Path, "panic") {
		panic("parser bug")
	}
	return len(filepath.Base(f.Path)), nil
}

func TestBatchOutcomes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.pdf":          "%PDF-1.4 report a",
		"b.txt":          "report b",
		"copy-of-a.docx": "%PDF-1.4 report a",
		"bad.pdf":        "%PDF-1.4 encrypted",
		"panic.txt":      "makes the parser panic",
		"stored.md":      "# stored before",
		"old.txt":        "unchanged since last run",
		"z.txt":          "report z",
	})
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Logf("no fifo (%v): the unreadable-file case is not covered", err)
	}
	stored, _ := Load(filepath.Join(dir, "stored.md"))
	storedSum := stored.SHA256
	rec := &recorder{t: t}
	var processed sync.Map
	b := &Batch[int]{
		Workers:   3,
		Unchanged: func(f File) bool { return filepath.Base(f.Path) == "old.txt" },
		Known:     func(sha string) bool { return sha == storedSum },
		Process: func(ctx context.Context, f File) (int, error) {
			processed.Store(filepath.Base(f.Path), f.Format)
			return countMetrics(ctx, f)
		},
		Commit:     rec.commit,
		CommitSize: 2,
	}
	sum, err := b.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	got := rec.byStatus()
	// a.pdf and copy-of-a.docx race for being first; one is the duplicate.
	ing := got[Ingested]
	want := map[Status][]string{
		Unchanged: {"old.txt"},
		Failed:    {"bad.pdf", "panic.txt"},
	}
	if _, err := os.Stat(fifo); err == nil {
		want[Failed] = append(want[Failed], "pipe.pdf")
	}
	for s, w := range want {
		if !slices.Equal(got[s], w) {
			t.Errorf("%s: got %q, want %q", s, got[s], w)
		}
	}
	if len(got[Duplicate]) != 2 || !slices.Contains(got[Duplicate], "stored.md") {
		t.Errorf("duplicates %q, want stored.md and one of a.pdf/copy-of-a.docx", got[Duplicate])
	}
	if len(ing) != 3 || !slices.Contains(ing, "b.txt") || !slices.Contains(ing, "z.txt") {
		t.Errorf("ingested %q", ing)
	}
	for _, o := range rec.outcomes {
		switch {
		case o.Status == Duplicate && o.File.SHA256 != storedSum:
			if !strings.Contains(o.SameAs, "a.") || o.SameAs == o.File.Path {
				t.Errorf("%s: SameAs = %q", o.File.Path, o.SameAs)
			}
		case o.Status == Ingested:
			if o.Value != len(filepath.Base(o.File.Path)) || o.File.SHA256 == "" {
				t.Errorf("%s: result %v sha %q", o.File.Path, o.Value, o.File.SHA256)
			}
		case o.Status == Failed && strings.HasSuffix(o.File.Path, "panic.txt"):
			var pe *PanicError
			if !errors.As(o.Err, &pe) || len(pe.Stack) == 0 {
				t.Errorf("panic.txt: err %v, want PanicError with stack", o.Err)
			}
		}
	}
	if f, ok := processed.Load("copy-of-a.docx"); ok && f != PDF {
		t.Errorf("copy-of-a.docx processed as %v, want pdf", f)
	}
	if _, ok := processed.Load("old.txt"); ok {
		t.Error("unchanged file was processed")
	}
	if sum.Found != len(rec.outcomes) || sum.Pending != 0 ||
		sum.Ingested != 3 || sum.Duplicate != 2 || sum.Unchanged != 1 || sum.Failed != len(want[Failed]) {
		t.Errorf("summary %+v", sum)
	}
	if len(sum.Failures) != sum.Failed {
		t.Errorf("failures %v", sum.Failures)
	}
	for _, f := range sum.Failures {
		if strings.HasSuffix(f.Path, "bad.pdf") && f.Reason != "encrypted (AES-256): unsupported" {
			t.Errorf("bad.pdf reason %q", f.Reason)
		}
	}
	// Groups hold at most CommitSize results, plus the duplicates of
	// content first seen in the group, which wait for their first copy.
	for _, g := range rec.groups {
		n := 0
		for _, o := range g {
			if o.Status != Duplicate || o.SameAs == "" {
				n++
			}
		}
		if n > 2 {
			t.Errorf("a commit of %d results besides waiting duplicates, want at most 2 (CommitSize)", n)
		}
	}
}

// TestBatchCancel cancels a run while files are in flight: their
// Process calls see the cancellation, what finished is committed, what
// was cut short is left for the next run, which finishes the rest.
func TestBatchCancel(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 20 {
		files[fmt.Sprintf("r%02d.txt", i)] = fmt.Sprintf("report %d", i)
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const cancelAt = 3
	var mu sync.Mutex
	var started []string
	rec := &recorder{t: t}
	b := &Batch[int]{
		Workers: 2,
		Process: func(pctx context.Context, f File) (int, error) {
			mu.Lock()
			started = append(started, f.Path)
			n := len(started)
			mu.Unlock()
			if n == cancelAt {
				cancel() // Ctrl-C while this file is in flight
				select {
				case <-pctx.Done():
					return 0, pctx.Err() // a parser stopped at once
				case <-time.After(5 * time.Second):
					return 0, errors.New("process context not cancelled")
				}
			}
			return n, nil
		},
		Commit: rec.commit,
	}
	sum, err := b.Run(ctx, []string{dir})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(started) < cancelAt || len(started) > cancelAt+b.Workers-1 {
		t.Errorf("%d files started, want %d..%d", len(started), cancelAt, cancelAt+b.Workers-1)
	}
	done := map[string]bool{}
	for _, o := range rec.outcomes {
		if o.Status != Ingested || o.Value == cancelAt {
			t.Errorf("%s: %s %v (value %d), want only files finished before the cancel", o.File.Path, o.Status, o.Err, o.Value)
		}
		done[o.File.Path] = true
	}
	if len(done) < cancelAt-1 || sum.Pending != 20-len(done) || sum.Ingested != len(done) || sum.Failed != 0 {
		t.Errorf("committed %d, summary %+v", len(done), sum)
	}

	// The next run finishes the rest and re-parses nothing.
	var again []string
	b2 := &Batch[int]{
		Workers:   2,
		Unchanged: func(f File) bool { return done[f.Path] },
		Process: func(_ context.Context, f File) (int, error) {
			mu.Lock()
			again = append(again, f.Path)
			mu.Unlock()
			return 0, nil
		},
	}
	sum2, err := b2.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(again)+len(done) != 20 || sum2.Unchanged != len(done) {
		t.Errorf("second run processed %d, unchanged %d; first run committed %d", len(again), sum2.Unchanged, len(done))
	}
	for _, p := range again {
		if done[p] {
			t.Errorf("%s re-parsed", p)
		}
	}
}

func TestBatchCommitError(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("r%d.txt", i)] = fmt.Sprint(i)
	}
	writeFiles(t, dir, files)
	boom := errors.New("disk full")
	calls := 0
	b := &Batch[int]{
		Workers:    1,
		CommitSize: 1,
		Commit: func(context.Context, []Result[int]) error {
			calls++
			if calls == 2 {
				return boom
			}
			return nil
		},
	}
	sum, err := b.Run(context.Background(), []string{dir})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if calls != 2 || sum.Ingested != 1 || sum.Pending != 9 {
		t.Errorf("calls %d, summary %+v", calls, sum)
	}
}

// maskedProgress zeroes durations so that output can be compared.
type maskedProgress struct{ Progress }

func (m maskedProgress) Done(o Outcome) {
	o.Duration = 0
	m.Progress.Done(o)
}

func TestPlainGolden(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"dak-lak-2021.pdf": "%PDF-1.4 one",
		"copy.pdf":         "%PDF-1.4 one",
		"bad.pdf":          "%PDF-1.4 two",
		"kon-tum-2021.md":  "three",
		"old.docx":         "four",
		"empty-result.txt": "five",
	})
	for _, mode := range []string{"plain", "json"} {
		t.Run(mode, func(t *testing.T) {
			var buf bytes.Buffer
			var p Progress = NewPlainProgress(&buf)
			if mode == "json" {
				p = NewJSONProgress(&buf)
			}
			b := &Batch[int]{
				Workers:   1,
				Unchanged: func(f File) bool { return strings.HasSuffix(f.Path, "old.docx") },
				Describe: func(n int) string {
					if n > 0 {
						return fmt.Sprintf("%d metrics", n)
					}
					return ""
				},
				Process: func(ctx context.Context, f File) (int, error) {
					if strings.Contains(f.Path, "empty") {
						return 0, nil
					}
					return countMetrics(ctx, f)
				},
				Progress: maskedProgress{p},
			}
			if _, err := b.Run(context.Background(), []string{dir}); err != nil {
				t.Fatal(err)
			}
			out := strings.ReplaceAll(buf.String(), dir+string(filepath.Separator), "")
			// Workers finish in a fixed order, but unchanged files are
			// reported by the dispatcher: sort the lines.
			lines := strings.Split(strings.TrimSpace(out), "\n")
			slices.Sort(lines)
			out = strings.Join(lines, "\n") + "\n"
			golden := filepath.Join("..", "testdata", "corpus", "progress", mode+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				os.WriteFile(golden, []byte(out), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("output:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

func BenchmarkBatchUnchanged(b *testing.B) {
	dir := b.TempDir()
	const n = 10000
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i%50))
		os.MkdirAll(sub, 0o755)
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("r%05d.txt", i)), []byte(fmt.Sprint("report ", i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	batch := &Batch[int]{
		Unchanged: func(File) bool { return true },
		Process:   func(context.Context, File) (int, error) { b.Fatal("processed an unchanged file"); return 0, nil },
		Commit:    func(context.Context, []Result[int]) error { return nil },
	}
	b.ResetTimer()
	for b.Loop() {
		sum, err := batch.Run(context.Background(), []string{dir})
		if err != nil || sum.Unchanged != n {
			b.Fatalf("summary %+v, err %v", sum, err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}

// TestBatchDuplicateWaits checks that a duplicate of a file still in
// flight is committed with or after that first copy, never before, and
// that the duplicate of a first copy that failed fails with it.
func TestBatchDuplicateWaits(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":     "same content",
		"b.txt":     "same content",
		"c.txt":     "same content",
		"d-bad.txt": "bad content",
		"e-bad.txt": "bad content",
	})
	rec := &recorder{t: t}
	b := &Batch[int]{
		Workers:    3,
		CommitSize: 1,
		Process: func(ctx context.Context, f File) (int, error) {
			// Only the first copy of a content is processed: it is slow,
			// so that its duplicates are found while it is in flight.
			time.Sleep(100 * time.Millisecond)
			return countMetrics(ctx, f)
		},
		Commit: rec.commit,
	}
	sum, err := b.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]int{} // content → position of its first copy
	for i, o := range rec.outcomes {
		if o.SameAs == "" && (o.Status == Ingested || o.Status == Failed) {
			first[o.File.SHA256] = i
		}
	}
	for i, o := range rec.outcomes {
		if o.SameAs == "" {
			continue
		}
		if f, ok := first[o.File.SHA256]; !ok || i < f {
			t.Errorf("%s committed at %d, before its first copy (%d, %v)", o.File.Path, i, f, ok)
		}
		if strings.Contains(o.File.Path, "bad") {
			if o.Status != Failed || !strings.Contains(o.Err.Error(), "same content as "+o.SameAs+", which failed: ") {
				t.Errorf("%s: %s %v, want failed with its first copy %s", o.File.Path, o.Status, o.Err, o.SameAs)
			}
		} else if o.Status != Duplicate {
			t.Errorf("%s: %s, want duplicate", o.File.Path, o.Status)
		}
	}
	if sum.Duplicate != 2 || sum.Failed != 2 || sum.Ingested != 1 || sum.Pending != 0 {
		t.Errorf("summary %+v", sum)
	}
}

// TestBatchCancelSlow cancels a run while a file is stuck in a Process
// call that only returns when its context is cancelled: Run returns
// within the stop grace, and the stuck file is left pending, neither
// failed nor committed.
func TestBatchCancelSlow(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := &recorder{t: t}
	b := &Batch[int]{
		Workers:   1,
		StopGrace: 50 * time.Millisecond,
		Process: func(pctx context.Context, f File) (int, error) {
			if strings.HasSuffix(f.Path, "b.txt") {
				cancel()
				<-pctx.Done() // a parser that would run for a minute
				return 0, pctx.Err()
			}
			return 1, nil
		},
		Commit: rec.commit,
	}
	done := make(chan struct{})
	var sum Summary
	var err error
	go func() {
		sum, err = b.Run(ctx, []string{dir})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after the cancellation")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	got := rec.byStatus()
	if !slices.Equal(got[Ingested], []string{"a.txt"}) || len(got[Failed]) != 0 {
		t.Errorf("committed %v, want a.txt ingested and nothing failed", got)
	}
	if sum.Pending != 2 || sum.Failed != 0 {
		t.Errorf("summary %+v, want 2 pending", sum)
	}
}

// TestBarFinishEarly finishes a bar that has not reached its total, as
// an interrupted run does: Finish must return (it used to wait forever
// for a bar that could not complete).
func TestBarFinishEarly(t *testing.T) {
	var buf bytes.Buffer
	b := NewBarProgress(&buf)
	b.Total(300)
	for range 91 {
		b.Done(Outcome{Status: Ingested})
	}
	done := make(chan struct{})
	go func() {
		b.Finish(Summary{Found: 300, Ingested: 91, Pending: 209})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Finish hangs on a bar stopped before its total")
	}
}

// TestBatchKeepData checks that an ingested file's content reaches
// Commit only with KeepData, and is the content Process read.
func TestBatchKeepData(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "report a", "b.txt": "report a", "bad.txt": "x"})
	for _, keep := range []bool{false, true} {
		var got []Result[int]
		b := &Batch[int]{
			Workers:  1,
			KeepData: keep,
			Process: func(ctx context.Context, f File) (int, error) {
				if string(f.Data) != "report a" && !strings.Contains(f.Path, "bad") {
					t.Errorf("%s: Process got %q", f.Path, f.Data)
				}
				return countMetrics(ctx, f)
			},
			Commit: func(_ context.Context, rs []Result[int]) error { got = append(got, rs...); return nil },
		}
		if _, err := b.Run(context.Background(), []string{dir}); err != nil {
			t.Fatal(err)
		}
		for _, r := range got {
			want := ""
			if keep && r.Status == Ingested {
				want = "report a"
			}
			if string(r.File.Data) != want {
				t.Errorf("KeepData %v: %s (%s) committed with %q, want %q", keep, r.File.Path, r.Status, r.File.Data, want)
			}
		}
	}
}
