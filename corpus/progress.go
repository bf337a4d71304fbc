package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// Progress is told of a batch run as it goes. Total, Done and Finish
// are called from the goroutine that runs the batch; Start is called
// from the workers and PagesDone from wherever pages are recognised, so
// implementations must be safe for concurrent use.
type Progress interface {
	// Total is called once the walk is done, with the number of files.
	Total(n int)
	// Start is called when a worker starts hashing and processing f.
	Start(f File)
	// Done is called for every outcome, once it is committed.
	Done(o Outcome)
	// PagesDone adds n pages to a count of pages recognised by OCR.
	PagesDone(n int)
	// Finish is called at the end of the run; the progress display is
	// complete when it returns.
	Finish(s Summary)
}

// NewProgress chooses the display for w: JSON lines if jsonLines is
// set, a live bar if w is a terminal, and one line per file otherwise.
func NewProgress(w *os.File, jsonLines bool) Progress {
	switch {
	case jsonLines:
		return NewJSONProgress(w)
	case term.IsTerminal(int(w.Fd())):
		return NewBarProgress(w)
	default:
		return NewPlainProgress(w)
	}
}

// Tee returns a Progress that tells each of ps, in order: a live bar
// on a terminal beside lines for a log, for example.
func Tee(ps ...Progress) Progress { return tee(ps) }

type tee []Progress

func (t tee) Total(n int) {
	for _, p := range t {
		p.Total(n)
	}
}

func (t tee) Start(f File) {
	for _, p := range t {
		p.Start(f)
	}
}

func (t tee) Done(o Outcome) {
	for _, p := range t {
		p.Done(o)
	}
}

func (t tee) PagesDone(n int) {
	for _, p := range t {
		p.PagesDone(n)
	}
}

func (t tee) Finish(s Summary) {
	for _, p := range t {
		p.Finish(s)
	}
}

type nopProgress struct{}

func (nopProgress) Total(int)      {}
func (nopProgress) Start(File)     {}
func (nopProgress) Done(Outcome)   {}
func (nopProgress) PagesDone(int)  {}
func (nopProgress) Finish(Summary) {}

// PlainProgress writes one line per file, for logs and pipes:
//
//	ok          12ms  reports/dak-lak-2021.pdf  45 metrics
//	failed       3ms  x.pdf: encrypted (AES-256): unsupported
//	unchanged     0s  reports/kon-tum-2021.docx
//	duplicate    2ms  copy.pdf (same as reports/dak-lak-2021.pdf)
type PlainProgress struct {
	mu    sync.Mutex
	w     io.Writer
	pages atomic.Int64
}

// NewPlainProgress returns a PlainProgress writing to w.
func NewPlainProgress(w io.Writer) *PlainProgress {
	return &PlainProgress{w: w}
}

// Total does nothing.
func (p *PlainProgress) Total(int) {}

// Start does nothing.
func (p *PlainProgress) Start(File) {}

// PagesDone counts OCR pages.
func (p *PlainProgress) PagesDone(n int) { p.pages.Add(int64(n)) }

// Finish does nothing: the caller writes the summary.
func (p *PlainProgress) Finish(Summary) {}

// Done writes the outcome's line.
func (p *PlainProgress) Done(o Outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintln(p.w, FormatOutcome(o))
}

var plainWord = [...]string{Ingested: "ok", Unchanged: "unchanged", Duplicate: "duplicate", Failed: "failed"}

// FormatOutcome formats an outcome as one line of [PlainProgress]
// output, without the newline.
func FormatOutcome(o Outcome) string {
	word := o.Status.String()
	if int(o.Status) < len(plainWord) {
		word = plainWord[o.Status]
	}
	line := fmt.Sprintf("%-9s %6s  %s", word, FormatDuration(o.Duration), Escape(o.File.Path))
	switch o.Status {
	case Failed:
		line += ": " + Reason(o.File.Path, o.Err)
	case Duplicate:
		if o.SameAs != "" {
			line += " (same as " + Escape(o.SameAs) + ")"
		} else {
			line += " (content already stored)"
		}
	case Ingested:
		if o.Detail != "" {
			line += "  " + o.Detail
		}
	}
	return line
}

// FormatDuration rounds d for people: 0s, 12ms, 1.2s, 1m3s.
func FormatDuration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return "0s"
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}

// JSONProgress writes one JSON object per file (JSON lines).
type JSONProgress struct {
	mu  sync.Mutex
	enc *json.Encoder
}

// NewJSONProgress returns a JSONProgress writing to w.
func NewJSONProgress(w io.Writer) *JSONProgress {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONProgress{enc: enc}
}

// OutcomeJSON is the object JSONProgress writes for an outcome.
type OutcomeJSON struct {
	Path       string  `json:"path"`
	Status     Status  `json:"status"`
	Format     Format  `json:"format,omitempty"`
	SHA256     string  `json:"sha256,omitempty"`
	Size       int64   `json:"size"`
	DurationMS float64 `json:"duration_ms"`
	Error      string  `json:"error,omitempty"`
	SameAs     string  `json:"same_as,omitempty"`
	Detail     string  `json:"detail,omitempty"`
}

// Total does nothing.
func (p *JSONProgress) Total(int) {}

// Start does nothing.
func (p *JSONProgress) Start(File) {}

// PagesDone does nothing.
func (p *JSONProgress) PagesDone(int) {}

// Finish does nothing: the caller writes the summary.
func (p *JSONProgress) Finish(Summary) {}

// Done writes the outcome as one JSON line.
func (p *JSONProgress) Done(o Outcome) {
	j := OutcomeJSON{
		Path:       Escape(o.File.Path),
		Status:     o.Status,
		Format:     o.File.Format,
		SHA256:     o.File.SHA256,
		Size:       o.File.Size,
		DurationMS: float64(o.Duration.Microseconds()) / 1000,
		SameAs:     Escape(o.SameAs),
		Detail:     o.Detail,
	}
	if o.Err != nil {
		j.Error = Reason(o.File.Path, o.Err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.enc.Encode(j)
}

// BarProgress shows a live progress bar on a terminal: files done and
// total, rate, ETA and the file being read. Failures are printed above
// the bar as they happen.
type BarProgress struct {
	w       io.Writer
	once    sync.Once
	p       *mpb.Progress
	bar     *mpb.Bar
	current atomic.Value // string
	pages   atomic.Int64
	start   time.Time
}

// NewBarProgress returns a BarProgress drawing on w, which should be a
// terminal.
func NewBarProgress(w io.Writer) *BarProgress {
	b := &BarProgress{w: w, start: time.Now()}
	b.current.Store("")
	return b
}

// Total creates the bar.
func (b *BarProgress) Total(n int) {
	b.once.Do(func() {
		b.p = mpb.New(mpb.WithOutput(b.w), mpb.WithWidth(32), mpb.WithRefreshRate(150*time.Millisecond))
		b.bar = b.p.AddBar(int64(n),
			mpb.PrependDecorators(
				decor.CountersNoUnit("%d / %d files", decor.WCSyncWidth),
			),
			mpb.AppendDecorators(
				decor.NewAverageSpeed(0, "%.1f files/s", b.start, decor.WCSyncSpace),
				decor.Name(" ETA "),
				decor.NewAverageETA(decor.ET_STYLE_GO, b.start, nil),
				decor.Any(func(decor.Statistics) string {
					s := " " + b.current.Load().(string)
					if n := b.pages.Load(); n > 0 {
						s = fmt.Sprintf(" OCR %d pages,%s", n, s)
					}
					return s
				}),
			),
		)
	})
}

// Start shows f as the file being read.
func (b *BarProgress) Start(f File) { b.current.Store(Escape(filepath.Base(f.Path))) }

// PagesDone counts OCR pages and shows the count.
func (b *BarProgress) PagesDone(n int) { b.pages.Add(int64(n)) }

// Done advances the bar and prints failures above it.
func (b *BarProgress) Done(o Outcome) {
	if b.bar == nil {
		b.Total(0)
	}
	if o.Status == Failed {
		fmt.Fprintln(b.p, FormatOutcome(o))
	}
	b.bar.Increment()
}

// finishWait bounds how long Finish waits for the bar's last frame.
const finishWait = 500 * time.Millisecond

// Finish completes the bar, or stops it where it is when the run ended
// early, and waits at most finishWait for it to be drawn: it never
// hangs. (A bar made with a total completes only when it reaches it;
// SetTotal cannot end it early, so an interrupted run aborts it.)
func (b *BarProgress) Finish(s Summary) {
	if b.bar == nil {
		return
	}
	b.current.Store("")
	if s.Pending > 0 || b.bar.Current() < int64(s.Found) {
		b.bar.Abort(false)
	} else {
		b.bar.SetTotal(-1, true)
	}
	done := make(chan struct{})
	go func() {
		b.p.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(finishWait):
		go b.p.Shutdown()
		fmt.Fprintln(b.w)
	}
}
