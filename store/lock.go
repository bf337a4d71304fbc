package store

import (
	"errors"
	"fmt"
	"os"
)

// ErrLocked is wrapped by the error of Open when another process has the
// database open for writing.
var ErrLocked = errors.New("another baocao is writing this database (an ingest, or docs changing a copy)")

// writerLock is the advisory lock that makes a DB opened with Open the
// only writer of its file: an exclusive flock(2) on the database file
// itself, held until Close (or the process's end, even by kill -9). It
// leaves no file behind, and it does not meet SQLite's own locks, which
// are fcntl(2) locks, independent of flock on Linux and the BSDs.
type writerLock struct {
	f *os.File
}

// lockWriter takes the writer lock of the database at path, creating
// the file if needed (SQLite takes an empty file for a new database), or
// fails at once with an error wrapping ErrLocked.
func lockWriter(path string) (*writerLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock: %w", err)
	}
	if !ok {
		f.Close()
		return nil, ErrLocked
	}
	return &writerLock{f: f}, nil
}

// unlock releases the lock.
func (l *writerLock) unlock() {
	if l != nil {
		l.f.Close() // closing the descriptor releases the flock
	}
}
