package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	// as JSON. 0 means DefaultMaxOutput.
	MaxOutput int64
	// Format, when set, skips content detection and reads the file as
	// this format (as ReadFormat does). Tests use it to reach readers
	// registered for made-up formats.
	Format corpus.Format
	// Options are passed to the reader.
	Options
}

// childEnv names the environment variable that makes a process a child
// of ReadIsolated; its value is the JSON request.
const childEnv = "BAOCAO_EXTRACT_CHILD"

// Exit codes of a child.
const (
	exitError  = 3 // the reader returned an error, reported on stderr
	exitOrphan = 4 // the parent went away
)

// errMarker starts the stderr line on which a child reports an error.
const errMarker = "baocao-extract-error: "

type childRequest struct {
	Path      string        `json:"path"`
	Format    corpus.Format `json:"format,omitempty"`
	MaxMemory int64         `json:"max_memory"`
	Options   Options       `json:"options"`
}

type childError struct {
	Class   string `json:"class"`
	Message string `json:"message"`
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

// ReadIsolated reads the file at path as Read does, but in a child
// process: the running executable started again with a request in its
// environment, which ChildMain answers. A panic, a hang or runaway memory
// in a parser then costs only that file: ReadIsolated kills the child's
// process group when opt.Timeout passes (ErrTimeout), when its resident
// memory exceeds opt.MaxMemory (ErrMemory) or when ctx is done (ctx's
// error), and reports a crash as ErrCrashed with the first line of the
// panic. Errors of the reader keep their sentinel (ErrCorrupt and the
// others), so errors.Is works as for Read.
//
// The program must call ChildMain first thing in main (and a test
// binary in TestMain), and must import the reader packages it needs, as
// the child runs the same binary.
//
// The document crosses the process boundary as JSON: empty slices come
// back nil, and times keep their instant and offset but not their
// time.Location. Memory is polled through /proc every 50 ms, so it is
// enforced on Linux only (elsewhere only the child's soft limit,
// debug.SetMemoryLimit, applies) and a burst within one interval can
// overshoot. Process groups make ReadIsolated Unix-only.
func ReadIsolated(ctx context.Context, path string, opt IsolateOptions) (*Document, error) {
	opt = opt.withDefaults()
	if err := readable(ctx, path); err != nil {
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot start parser: %w", path, err)
	}
	req, err := json.Marshal(childRequest{Path: path, Format: opt.Format, MaxMemory: opt.MaxMemory, Options: opt.Options})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}

	cmd := exec.Command(exe)
	cmd.Env = append(withoutEnv(os.Environ(), childEnv), childEnv+"="+string(req))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr := &capped{max: 64 << 10}
	cmd.Stderr = stderr
	cmd.WaitDelay = time.Second
	// The child exits when its stdin closes, that is when this process
	// dies without killing it.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot start parser: %w", path, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%s: cannot start parser: %w", path, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: cannot start parser: %w", path, err)
	}
	defer stdin.Close()

	w, stopWatch := startWatchdog(ctx, cmd.Process.Pid, opt)

	// Stream the document as the child writes it.
	var doc Document
	lr := &io.LimitedReader{R: stdout, N: opt.MaxOutput + 1}
	decErr := json.NewDecoder(bufio.NewReaderSize(lr, 64<<10)).Decode(&doc)
	if lr.N <= 0 {
		w.Kill(errOutput)
	}
	io.Copy(io.Discard, stdout)
	waitErr := cmd.Wait()
	stopWatch()

	if reason := w.Reason(); reason != nil {
		return nil, killError(path, reason, opt)
	}
	if waitErr == nil {
		if decErr != nil {
			return nil, fmt.Errorf("%s: %w: bad output: %v", path, ErrCrashed, decErr)
		}
		return &doc, nil
	}
	var ee *exec.ExitError
	if errors.As(waitErr, &ee) && ee.ExitCode() == exitError {
		if err := parseChildError(stderr.Bytes()); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s: %w: %s", path, ErrCrashed, crashMessage(stderr.Bytes(), waitErr))
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

// readable checks, before a child is bothered, that ctx is live and
// that path exists.
func readable(ctx context.Context, path string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// startWatchdog watches the child pid under opt's limits until the
// returned function is called.
func startWatchdog(ctx context.Context, pid int, opt IsolateOptions) (*Watchdog, func()) {
	return Watch(ctx, pid, time.Now().Add(opt.Timeout), opt.MaxMemory, 50*time.Millisecond)
}

// errOutput is the watchdog reason for a child whose output is too big.
var errOutput = errors.New("output too large")

// parseChildError rebuilds the error a child reported on stderr, or
// returns nil if there is none.
func parseChildError(stderr []byte) error {
	for _, line := range bytes.Split(stderr, []byte("\n")) {
		rest, ok := bytes.CutPrefix(line, []byte(errMarker))
		if !ok {
			continue
		}
		var ce childError
		if json.Unmarshal(rest, &ce) != nil {
			continue
		}
		return ce.remote()
	}
	return nil
}

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

// ChildMain serves a ReadIsolated request when the process was started
// as its child, and returns false at once otherwise. A program calls it
// first thing in main:
//
//	func main() {
//		if extract.ChildMain() {
//			return
//		}
//		…
//	}
//
// and a test binary in TestMain. As the child of ReadIsolated it reads
// the file, writes the document as JSON to stdout and exits 0, or writes
// the error to stderr and exits with status 3. As the child of a Pool it
// answers requests until its stdin closes and returns true. A panic in
// the reader is left to crash the process, for the parent to report.
func ChildMain() (handled bool) {
	if v, ok := os.LookupEnv(serverEnv); ok {
		os.Unsetenv(serverEnv)
		var cfg serverConfig
		if err := json.Unmarshal([]byte(v), &cfg); err != nil {
			childFail(fmt.Errorf("bad configuration from parent: %w", err))
		}
		serve(cfg)
		return true
	}
	v, ok := os.LookupEnv(childEnv)
	if !ok {
		return false
	}
	os.Unsetenv(childEnv)
	var req childRequest
	if err := json.Unmarshal([]byte(v), &req); err != nil {
		childFail(fmt.Errorf("bad request from parent: %w", err))
	}
	if req.MaxMemory > 0 {
		// A child reads one file and exits: collecting garbage before
		// it nears its limit is wasted work. The soft limit, below the
		// parent's hard one, makes the collector run only when needed.
		debug.SetMemoryLimit(req.MaxMemory / 4 * 3)
		debug.SetGCPercent(-1)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// The parent holds our stdin open; EOF means it is gone.
		io.Copy(io.Discard, os.Stdin)
		os.Exit(exitOrphan)
	}()

	doc, err := readFile(ctx, req.Path, req.Format, req.Options)
	if err != nil {
		childFail(err)
	}
	w := bufio.NewWriterSize(os.Stdout, 64<<10)
	if err := json.NewEncoder(w).Encode(doc); err != nil {
		childFail(fmt.Errorf("%s: %w", req.Path, err))
	}
	if err := w.Flush(); err != nil {
		os.Exit(exitError)
	}
	os.Exit(0)
	return true
}

// childFail reports err to the parent and exits.
func childFail(err error) {
	b, _ := json.Marshal(classify(err))
	fmt.Fprintf(os.Stderr, "%s%s\n", errMarker, b)
	os.Exit(exitError)
}
