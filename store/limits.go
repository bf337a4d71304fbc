package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Limits bound the statements run by [DB.Query], so that no query, however
// written, runs for ever or takes the machine's memory. They are what
// `baocao query --timeout --max-memory` and every read of `baocao serve`
// run under.
type Limits struct {
	// Timeout is the longest one Query may take, statement and rows,
	// after which SQLite is interrupted; 0 means no time limit.
	Timeout time.Duration
	// MaxMemory, in bytes, bounds three things: SQLite's heap (PRAGMA
	// hard_heap_limit, which holds for the whole process and can only be
	// lowered: the smallest limit asked for in a process wins), the
	// longest string or BLOB a statement may make, and the size of the
	// rows one Query returns. 0 means no memory limit.
	MaxMemory int64
}

// DefaultLimits are the limits of a DB opened with OpenReadOnly until
// SetLimits changes them: 30 s and 512 MiB.
var DefaultLimits = Limits{Timeout: 30 * time.Second, MaxMemory: 512 << 20}

// ErrTimeLimit and ErrMemoryLimit are matched (errors.Is) by the
// *LimitError of a query stopped by its limits.
var (
	ErrTimeLimit   = errors.New("time limit exceeded")
	ErrMemoryLimit = errors.New("memory limit exceeded")
)

// LimitError is returned by Query when a statement is stopped by its
// Limits.
type LimitError struct {
	// Memory is true for the memory limit, false for the time limit.
	Memory bool
	// Limits are the limits in force.
	Limits Limits
	// Err is the driver's error.
	Err error
}

// Error says which limit stopped the query, with the flag that raises it.
func (e *LimitError) Error() string {
	if e.Memory {
		return fmt.Sprintf("query stopped: it needs more than the memory limit of %d MiB (--max-memory)", e.Limits.MaxMemory>>20)
	}
	return fmt.Sprintf("query stopped: it ran longer than the time limit of %v (--timeout)", e.Limits.Timeout)
}

// Is matches ErrTimeLimit or ErrMemoryLimit.
func (e *LimitError) Is(target error) bool {
	return target == ErrTimeLimit && !e.Memory || target == ErrMemoryLimit && e.Memory
}

// Unwrap returns the driver's error.
func (e *LimitError) Unwrap() error { return e.Err }

// limitState holds a DB's limits.
type limitState struct {
	mu  sync.Mutex
	lim Limits
}

func (s *limitState) get() Limits {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lim
}

// SetLimits sets the limits of every later Query on d. SQLite's heap
// limit is set for the whole process, and only ever lowered.
func (d *DB) SetLimits(ctx context.Context, l Limits) error {
	d.limits.mu.Lock()
	d.limits.lim = l
	d.limits.mu.Unlock()
	return setHeapLimit(ctx, l.MaxMemory)
}

// Limits returns the limits of d.
func (d *DB) Limits() Limits { return d.limits.get() }

// setHeapLimit lowers SQLite's process-wide hard heap limit to n bytes.
// The read-only connections' authorizer denies the pragma, so it is run
// on a connection of its own to an in-memory database.
func setHeapLimit(ctx context.Context, n int64) error {
	if n <= 0 {
		return nil
	}
	mem, err := sql.Open(driverRW, "file::memory:")
	if err != nil {
		return err
	}
	defer mem.Close()
	if _, err := mem.ExecContext(ctx, fmt.Sprintf("PRAGMA hard_heap_limit = %d", n)); err != nil {
		return fmt.Errorf("set SQLite heap limit: %w", err)
	}
	return nil
}

// limitedConn returns a connection of d's pool with the longest string or
// BLOB set to the memory limit.
func (d *DB) limitedConn(ctx context.Context, l Limits) (*sql.Conn, error) {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	n := int64(1_000_000_000) // SQLite's default SQLITE_MAX_LENGTH
	if l.MaxMemory > 0 && l.MaxMemory < n {
		n = l.MaxMemory
	}
	err = conn.Raw(func(dc any) error {
		if c, ok := dc.(*sqlite3.SQLiteConn); ok {
			c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, int(n))
		}
		return nil
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// limitError turns an error of a query run under l with the context ctx
// (derived from parent) into a *LimitError when a limit stopped it.
func limitError(parent, ctx context.Context, l Limits, err error) error {
	if err == nil {
		return nil
	}
	if l.Timeout > 0 && parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &LimitError{Limits: l, Err: err}
	}
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNomem || se.Code == sqlite3.ErrTooBig) {
		return &LimitError{Memory: true, Limits: l, Err: err}
	}
	return err
}

// valueSize is the memory a value of a result row takes, roughly.
func valueSize(v any) int64 {
	const word = 16 // an interface value
	switch t := v.(type) {
	case string:
		return word + int64(len(t))
	case []byte:
		return word + int64(len(t))
	}
	return word
}
