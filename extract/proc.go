package extract

import (
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ResidentBytes returns the resident set size of process pid, and false
// where it cannot be read (no such process, or a system without /proc).
// The limits of [ReadIsolated], [Pool] and the OCR tools are measured
// with it.
func ResidentBytes(pid int) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}

// Watchdog kills a process group once, and records why.
type Watchdog struct {
	pid int
	mu  sync.Mutex
	why error
}

// Watch watches the process group led by pid until stop is called: the
// group is killed with SIGKILL when deadline passes (reason ErrTimeout;
// a zero deadline never passes), when the leader's resident memory,
// polled every poll, exceeds maxMem (ErrMemory; no limit when maxMem is
// 0 or less), or when ctx is done (ctx's error). The parser children
// and the OCR tools run under it.
func Watch(ctx context.Context, pid int, deadline time.Time, maxMem int64, poll time.Duration) (w *Watchdog, stop func()) {
	w = &Watchdog{pid: pid}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var timer <-chan time.Time
		if !deadline.IsZero() {
			t := time.NewTimer(time.Until(deadline))
			defer t.Stop()
			timer = t.C
		}
		tick := time.NewTicker(poll)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				w.Kill(ctx.Err())
				return
			case <-timer:
				w.Kill(ErrTimeout)
				return
			case <-tick.C:
				if rss, ok := ResidentBytes(pid); maxMem > 0 && ok && rss > maxMem {
					w.Kill(ErrMemory)
					return
				}
			}
		}
	}()
	return w, func() {
		close(done)
		wg.Wait()
	}
}

// Kill kills the process group, unless it was killed before, recording
// why.
func (w *Watchdog) Kill(why error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.why != nil {
		return
	}
	w.why = why
	syscall.Kill(-w.pid, syscall.SIGKILL)
}

// Reason is why the process group was killed, nil if it was not.
func (w *Watchdog) Reason() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.why
}
