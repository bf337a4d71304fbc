package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"sync"
	"syscall"
	"time"

	"github.com/baocao/baocao/corpus"
)

// serverEnv names the environment variable that makes a process a
// long-lived child of a Pool; its value is the JSON of serverConfig.
const serverEnv = "BAOCAO_EXTRACT_SERVER"

// serverConfig is what a Pool child is started with.
type serverConfig struct {
	MaxMemory int64 `json:"max_memory"`
}

// serverReply is a Pool child's answer to one request: the document or
// the error.
type serverReply struct {
	Doc *Document   `json:"doc,omitempty"`
	Err *childError `json:"err,omitempty"`
}

// poolRetire is how many files a Pool child reads before it is replaced,
// so that nothing a reader leaks can pile up.
const poolRetire = 500

// Pool reads files as ReadIsolated does, in child processes, but keeps
// each child alive for the next file instead of starting one per file.
// A fresh process pays for its start and, above all, for faulting in
// every page of memory its reader touches; a child that reads file
// after file reuses its heap. With ten-page PDFs this halves the system
// time of a batch.
//
// Isolation is per file as with ReadIsolated: a child that panics, times
// out (opt.Timeout per file), goes past opt.MaxMemory of resident memory
// or whose file's context is cancelled is killed, the file gets the same
// error ReadIsolated would give (ErrCrashed, ErrTimeout, ErrMemory, the
// context's error), and the next file starts a new child. A child
// collects its garbage between files, so its resident memory stays near
// the peak of the largest file it read; it is replaced after 500 files.
// A child that died while idle is replaced, and the file is sent to
// another.
//
// A Pool is safe for concurrent use; it runs as many children as it has
// concurrent callers. Close stops the idle children.
type Pool struct {
	opt IsolateOptions

	mu     sync.Mutex
	idle   []*poolChild
	closed bool
}

// NewPool returns a Pool whose children read with opt (zero fields take
// the defaults of ReadIsolated).
func NewPool(opt IsolateOptions) *Pool {
	return &Pool{opt: opt.withDefaults()}
}

// Close stops the idle children; children busy with a file stop when it
// is read. Read fails after Close.
func (p *Pool) Close() error {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, c := range idle {
		c.stop()
	}
	return nil
}

// Read reads f, a file inspected by package corpus, in a child process,
// as ReadIsolated does: the child is sent f.Data, f.Path and f.Format.
func (p *Pool) Read(ctx context.Context, f corpus.File) (*Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	if err := loaded(f); err != nil {
		return nil, err
	}
	req, err := json.Marshal(childRequest{Name: []byte(f.Path), Format: f.Format, Options: p.opt.Options})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Path, err)
	}
	for attempt := 0; ; attempt++ {
		c, err := p.get()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		doc, healthy, err := c.read(ctx, f, req, p.opt)
		p.put(c, healthy)
		if attempt == 0 && errors.Is(err, errUndelivered) {
			continue // an idle child died since its last file: use another
		}
		return doc, err
	}
}

// errUndelivered marks a request that a child could not be sent: it
// died while idle (killed from outside, say), and the file was not read.
var errUndelivered = errors.New("request not delivered")

// get returns an idle child or starts one.
func (p *Pool) get() (*poolChild, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errors.New("extract: pool closed")
	}
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return startPoolChild(p.opt)
}

// put returns a child to the pool, or stops it.
func (p *Pool) put(c *poolChild, healthy bool) {
	if healthy && c.served < poolRetire {
		p.mu.Lock()
		if !p.closed {
			p.idle = append(p.idle, c)
			p.mu.Unlock()
			return
		}
		p.mu.Unlock()
	}
	c.stop()
}

// poolChild is one long-lived child process.
type poolChild struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *capped
	served int
	waited bool // cmd.Wait has returned
}

func startPoolChild(opt IsolateOptions) (*poolChild, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cannot start parser: %w", err)
	}
	cfg, _ := json.Marshal(serverConfig{MaxMemory: opt.MaxMemory})
	cmd := exec.Command(exe)
	cmd.Env = append(withoutEnv(os.Environ(), serverEnv), serverEnv+"="+string(cfg))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c := &poolChild{cmd: cmd, stderr: &capped{max: 64 << 10}}
	cmd.Stderr = c.stderr
	cmd.WaitDelay = time.Second
	if c.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, fmt.Errorf("cannot start parser: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("cannot start parser: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start parser: %w", err)
	}
	c.stdout = bufio.NewReaderSize(stdout, 64<<10)
	return c, nil
}

// stop ends the child: closing its stdin makes an idle child exit, and
// a busy one is killed.
func (c *poolChild) stop() {
	c.stdin.Close()
	c.kill()
}

// kill kills the child's process group and waits for it, once.
func (c *poolChild) kill() error {
	if c.waited {
		return nil
	}
	syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL)
	c.waited = true
	return c.cmd.Wait()
}

// read sends one request (its header req, then f's content) and waits
// for the reply under a watchdog. It reports whether the child can
// serve another file.
func (c *poolChild) read(ctx context.Context, f corpus.File, req []byte, opt IsolateOptions) (doc *Document, healthy bool, err error) {
	path := f.Path
	c.served++
	c.stderr.reset()
	w, stopWatch := startWatchdog(ctx, c.cmd.Process.Pid, opt)
	reply, rerr := c.roundTrip(req, f.Data, opt.MaxOutput, w)
	stopWatch()

	if reason := w.Reason(); reason != nil {
		c.kill()
		return nil, false, killError(path, reason, opt)
	}
	if rerr != nil {
		// The child died mid-file, or wrote garbage: a crash.
		waitErr := c.kill()
		if waitErr == nil {
			waitErr = rerr
		}
		if errors.Is(rerr, errUndelivered) {
			return nil, false, fmt.Errorf("%s: %w: %w", path, ErrCrashed, rerr)
		}
		return nil, false, fmt.Errorf("%s: %w: %s", path, ErrCrashed, crashMessage(c.stderr.Bytes(), waitErr))
	}
	if reply.Err != nil {
		return nil, true, reply.Err.remote()
	}
	if reply.Doc == nil {
		return nil, false, fmt.Errorf("%s: %w: no document in reply", path, ErrCrashed)
	}
	// The name came back as a JSON string: restore its bytes.
	reply.Doc.Path = path
	return reply.Doc, true, nil
}

// roundTrip writes a request frame and the content frame, and reads the
// reply frame. A reply longer than maxOutput makes the watchdog kill
// the child.
func (c *poolChild) roundTrip(req, data []byte, maxOutput int64, w *Watchdog) (*serverReply, error) {
	if err := writeFrame(c.stdin, req); err != nil {
		return nil, fmt.Errorf("%w: %v", errUndelivered, err)
	}
	// A child that dies now, reading the content, has the file: that
	// is a crash, not an undelivered request.
	if err := writeFrame(c.stdin, data); err != nil {
		return nil, fmt.Errorf("sending the content: %w", err)
	}
	buf, err := readFrame(c.stdout, uint64(maxOutput))
	if errors.Is(err, errFrameSize) {
		w.Kill(errOutput)
	}
	if err != nil {
		return nil, err
	}
	var reply serverReply
	if err := decodeReply(buf, &reply); err != nil {
		return nil, fmt.Errorf("bad output: %w", err)
	}
	return &reply, nil
}

// writeFrame writes b with its length as 8 bytes, big-endian, before it.
func writeFrame(w io.Writer, b []byte) error {
	var hdr [8]byte
	binary.BigEndian.PutUint64(hdr[:], uint64(len(b)))
	if _, err := w.Write(hdr[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// errFrameSize is the error for a frame longer than the reader takes.
var errFrameSize = errors.New("frame too large")

// readFrame reads a frame written by writeFrame, of at most max bytes.
func readFrame(r io.Reader, max uint64) ([]byte, error) {
	var hdr [8]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint64(hdr[:])
	if n > max {
		return nil, fmt.Errorf("%w: %d bytes", errFrameSize, n)
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r, b)
	return b, err
}

// remote rebuilds the error a child reported.
func (ce *childError) remote() error {
	for _, c := range errorClasses {
		if c.name == ce.Class {
			return &remoteError{msg: string(ce.Message), class: c.err}
		}
	}
	return errors.New(string(ce.Message))
}

// serve is the main loop of a Pool child: it reads request frames from
// stdin and answers each with a reply frame on stdout, until stdin
// closes. A panic in a reader crashes the process, for the parent to
// report.
func serve(cfg serverConfig) {
	if cfg.MaxMemory > 0 {
		// Collections while a file is read keep the heap near three
		// times what is live (a ten-page PDF allocates 17 MB, little of
		// it live at once) instead of everything the file allocated; a
		// collection between files, when nothing is live, is cheap and
		// keeps the heap's pages for reuse.
		debug.SetMemoryLimit(cfg.MaxMemory / 4 * 3)
		debug.SetGCPercent(200)
	}
	type request struct {
		header, data []byte
	}
	reqs := make(chan request)
	go func() {
		// The parent holds our stdin open; EOF means it is gone or done,
		// even while a file is being read.
		in := bufio.NewReader(os.Stdin)
		for {
			header, err := readFrame(in, maxRequest)
			if err != nil {
				os.Exit(exitOrphan)
			}
			data, err := readFrame(in, maxContent)
			if err != nil {
				os.Exit(exitOrphan)
			}
			reqs <- request{header, data}
		}
	}()
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	for r := range reqs {
		var reply serverReply
		var req childRequest
		var err error
		if err = json.Unmarshal(r.header, &req); err != nil {
			err = fmt.Errorf("bad request from parent: %w", err)
		} else {
			reply.Doc, err = ReadFormat(context.Background(), bytes.NewReader(r.data), int64(len(r.data)), string(req.Name), req.Format, req.Options)
		}
		if err != nil {
			reply.Doc, reply.Err = nil, classify(err)
		}
		enc, err := encodeReply(reply)
		if err != nil {
			enc, _ = json.Marshal(serverReply{Err: classify(fmt.Errorf("%s: %w", req.Name, err))})
		}
		if writeFrame(out, enc) != nil || out.Flush() != nil {
			os.Exit(exitError)
		}
		r = request{}
		runtime.GC()
	}
}

// Bounds of the frames a child reads: a request's header, and a file's
// content (the parent caps what it reads far below).
const (
	maxRequest = 1 << 20
	maxContent = 1 << 40
)

// classify turns err into the form a child reports.
func classify(err error) *childError {
	ce := &childError{Message: []byte(err.Error())}
	for _, c := range errorClasses {
		if errors.Is(err, c.err) {
			ce.Class = c.name
			break
		}
	}
	return ce
}
