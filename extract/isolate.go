package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/baocao/baocao/corpus"
)

// Errors of an isolated read, besides the sentinels the reader itself
// returns, which survive the process boundary.
var (
	ErrCrashed = errors.New("parser crashed")
	ErrTimeout = errors.New("parser timed out")
	ErrMemory  = errors.New("parser exceeded memory limit")
)

// Defaults of IsolateOptions.
const (
	DefaultTimeout   = 60 * time.Second
	DefaultMaxMemory = 2 << 30
	DefaultMaxOutput = 256 << 20
)

// IsolateOptions control ReadIsolated.
type IsolateOptions struct {
	// Timeout bounds the child's run, start-up included. 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// MaxMemory bounds the child's resident memory in bytes. 0 means
	// DefaultMaxMemory.
	MaxMemory int64
	// MaxOutput bounds the size of the document the child sends back,
	// encoded (gob, or JSON, see ReadIsolated). 0 means
	// DefaultMaxOutput.
	MaxOutput int64
	// Options are passed to the reader.
	Options
}

// Exit codes of a child.
const (
	exitError  = 3 // the child could not answer
	exitOrphan = 4 // the parent went away
)

// childRequest is the header of a request to a child; a frame with the
// file's content follows it. The name is bytes, not a JSON string, so
// that a name that is not valid UTF-8 reaches the reader as it is.
type childRequest struct {
	Name    []byte        `json:"name"`
	Format  corpus.Format `json:"format"`
	Options Options       `json:"options"`
}

// childError is an error as a child reports it: the class of its
// sentinel and its message, as bytes for the same reason as
// childRequest.Name.
type childError struct {
	Class   string `json:"class"`
	Message []byte `json:"message"`
}

// errorClasses are the errors whose identity a child reports, so that
// errors.Is works on the parent's error.
var errorClasses = []struct {
	name string
	err  error
}{
	{"encrypted", ErrEncrypted},
	{"corrupt", ErrCorrupt},
	{"too-large", ErrTooLarge},
	{"no-text", ErrNoText},
	{"empty", ErrEmpty},
	{"unsupported", ErrUnsupported},
	{"not-exist", fs.ErrNotExist},
	{"permission", fs.ErrPermission},
	{"canceled", context.Canceled},
	{"deadline", context.DeadlineExceeded},
}

// remoteError is an error reported by a child: its message as the child
// wrote it, wrapping the sentinel of its class.
type remoteError struct {
	msg   string
	class error
}

func (e *remoteError) Error() string { return e.msg }
func (e *remoteError) Unwrap() error { return e.class }

// ReadIsolated reads f, a file inspected by package corpus, as ReadFile
// does, but in a child process: the running executable started again
// with a request in its environment, which ChildMain answers. The child
// is sent f's content (f.Data) with its name and format: it never opens
// a file by name and never detects the format again. A panic, a hang or
// runaway memory in a parser then costs only that file: ReadIsolated
// kills the child's process group when opt.Timeout passes (ErrTimeout),
// when its resident memory exceeds opt.MaxMemory (ErrMemory) or when
// ctx is done (ctx's error), and reports a crash as ErrCrashed with the
// first line of the panic. Errors of the reader keep their sentinel
// (ErrCorrupt and the others), so errors.Is works as for Read.
//
// The program must call ChildMain first thing in main (and a test
// binary in TestMain), and must import the reader packages it needs, as
// the child runs the same binary.
//
// The document crosses the process boundary as gob, or as JSON where
// gob would not give the document a JSON round trip gives (invalid
// UTF-8, numbers that are not finite, an empty slice JSON keeps
// apart from nil; see wire.go): either way empty slices of fields
// with omitempty come back nil, and times keep their instant and
// offset but not their time.Location. Memory is polled through /proc every 50 ms, so it is
// enforced on Linux only (elsewhere only the child's soft limit,
// debug.SetMemoryLimit, applies) and a burst within one interval can
// overshoot. Process groups make ReadIsolated Unix-only.
//
// ReadIsolated starts a child for the one file; a [Pool] keeps its
// children from file to file.
func ReadIsolated(ctx context.Context, f corpus.File, opt IsolateOptions) (*Document, error) {
	p := NewPool(opt)
	defer p.Close()
	return p.Read(ctx, f)
}

// killError is the error for a file whose child the watchdog killed
// for reason.
func killError(path string, reason error, opt IsolateOptions) error {
	switch reason {
	case errOutput:
		return fmt.Errorf("%s: %w: parser output exceeds %s", path, ErrTooLarge, formatBytes(opt.MaxOutput))
	case ErrTimeout:
		return fmt.Errorf("%s: %w after %s", path, ErrTimeout, formatDuration(opt.Timeout))
	case ErrMemory:
		return fmt.Errorf("%s: %w (%s)", path, ErrMemory, formatBytes(opt.MaxMemory))
	}
	return fmt.Errorf("%s: %w", path, reason)
}

// withDefaults fills in the zero fields of opt.
func (opt IsolateOptions) withDefaults() IsolateOptions {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxMemory <= 0 {
		opt.MaxMemory = DefaultMaxMemory
	}
	if opt.MaxOutput <= 0 {
		opt.MaxOutput = DefaultMaxOutput
	}
	return opt
}

// startWatchdog watches the child pid under opt's limits until the
// returned function is called.
func startWatchdog(ctx context.Context, pid int, opt IsolateOptions) (*Watchdog, func()) {
	return Watch(ctx, pid, time.Now().Add(opt.Timeout), opt.MaxMemory, 50*time.Millisecond)
}

// errOutput is the watchdog reason for a child whose output is too big.
var errOutput = errors.New("output too large")

// crashMessage describes how a child died: the first lines of a Go
// panic or fatal error if it printed one, else the exit status.
func crashMessage(stderr []byte, waitErr error) string {
	lines := strings.Split(string(stderr), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") {
			msg := l
			// A multi-line panic value, up to the blank line before the
			// goroutine trace.
			for j := i + 1; j < len(lines) && j < i+3 && lines[j] != "" && !strings.HasPrefix(lines[j], "goroutine ") && !strings.HasPrefix(lines[j], "["); j++ {
				msg += " " + strings.TrimSpace(lines[j])
			}
			return msg
		}
	}
	msg := waitErr.Error()
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			return msg + ": " + l
		}
	}
	return msg
}

// withoutEnv returns env without the variable key.
func withoutEnv(env []string, key string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if !strings.HasPrefix(kv, key+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// formatBytes formats n in binary units: "2.0 GiB", "200.0 MiB".
func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

// formatDuration formats whole seconds as "60s" rather than "1m0s".
func formatDuration(d time.Duration) string {
	if d%time.Second == 0 {
		return strconv.FormatInt(int64(d/time.Second), 10) + "s"
	}
	return d.String()
}

// capped is a buffer that keeps the first max bytes written to it.
type capped struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - c.buf.Len(); room > 0 {
		c.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// reset empties the buffer.
func (c *capped) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf.Reset()
}

func (c *capped) Bytes() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.buf.Bytes()
}

// ChildMain serves the requests of a parent ([ReadIsolated], [Pool])
// when the process was started as its child, and returns false at once
// otherwise. A program calls it first thing in main:
//
//	func main() {
//		if extract.ChildMain() {
//			return
//		}
//		…
//	}
//
// and a test binary in TestMain. As a child it reads each file it is
// sent and answers with the document or the error, until its stdin
// closes; then it returns true. A panic in the reader is left to crash
// the process, for the parent to report.
func ChildMain() (handled bool) {
	v, ok := os.LookupEnv(serverEnv)
	if !ok {
		return false
	}
	os.Unsetenv(serverEnv)
	var cfg serverConfig
	if err := json.Unmarshal([]byte(v), &cfg); err != nil {
		fmt.Fprintf(os.Stderr, "baocao parser: bad configuration from parent: %v\n", err)
		os.Exit(exitError)
	}
	serve(cfg)
	return true
}
