package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/baocao/baocao/extract"
)

// maxToolOutput bounds what one tool process may write to its standard
// output (pdfinfo, pdfimages -list, tesseract's TSV); more is an error.
const maxToolOutput = 64 << 20

// limits bounds the tool processes of one file's OCR: every process is
// killed at the file's deadline, when its resident memory exceeds
// maxMem, or when the context of the call is done.
type limits struct {
	path     string        // the file, for errors
	deadline time.Time     // zero: none
	timeout  time.Duration // what the deadline was set from, for errors
	maxMem   int64         // bytes; 0: no limit
	env      []string      // environment of the processes
}

// output runs the tool name with args under ctx and the limits, and
// returns its standard output. A process killed at the file's deadline
// gives an error wrapping extract.ErrTimeout, one killed for its memory
// extract.ErrMemory, one killed because ctx is done ctx's error; each
// names the file. Other failures wrap the exit error with the tool's
// standard error output.
func (l *limits) output(ctx context.Context, name string, args ...string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if l.expired() {
		return nil, l.timeoutErr(name)
	}
	cmd := exec.Command(name, args...)
	cmd.Env = l.env
	// A group of its own, so that a kill reaches any children too.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout := &capBuffer{max: maxToolOutput}
	stderr := &capBuffer{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	w, stop := extract.Watch(ctx, cmd.Process.Pid, l.deadline, l.maxMem, 20*time.Millisecond)
	err := cmd.Wait()
	stop()
	switch reason := w.Reason(); {
	case errors.Is(reason, extract.ErrTimeout):
		return nil, l.timeoutErr(name)
	case errors.Is(reason, extract.ErrMemory):
		return nil, fmt.Errorf("%s: %w (%s, OCR tool %s)", l.path, extract.ErrMemory, formatMiB(l.maxMem), name)
	case reason != nil:
		return nil, reason
	}
	if stdout.over {
		return nil, fmt.Errorf("%s: output exceeds %s", name, formatMiB(maxToolOutput))
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		if msg != "" {
			return nil, fmt.Errorf("%s: %w: %s", name, err, msg)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return stdout.Bytes(), nil
}

// expired reports whether the file's deadline has passed.
func (l *limits) expired() bool {
	return !l.deadline.IsZero() && !time.Now().Before(l.deadline)
}

// timeoutErr is the error of a file whose OCR passed its deadline.
func (l *limits) timeoutErr(tool string) error {
	return fmt.Errorf("%s: %w after %s (OCR tool %s)", l.path, extract.ErrTimeout, l.timeout, tool)
}

// formatMiB formats a byte count in MiB.
func formatMiB(n int64) string {
	return fmt.Sprintf("%d MiB", n>>20)
}

// capBuffer keeps the first max bytes written to it and records whether
// more came.
type capBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *capBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if room := c.max - c.Len(); room < len(p) {
		c.over = true
		p = p[:max(0, room)]
	}
	c.Buffer.Write(p)
	return n, nil
}

// toolEnv is the environment of the tool processes: tesseract runs one
// thread (the pages are the parallelism).
func toolEnv() []string {
	return append(os.Environ(), "OMP_THREAD_LIMIT=1")
}

// fatal reports whether err is a limit of the file (its deadline or the
// memory limit), which ends the file's OCR rather than one page's.
func (l *limits) fatal(err error) bool {
	return errors.Is(err, extract.ErrTimeout) || errors.Is(err, extract.ErrMemory)
}
