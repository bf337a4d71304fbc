//go:build !unix

package store

import "os"

// tryLock does nothing where flock is missing: SQLite's own locking
// still keeps each transaction whole.
func tryLock(f *os.File) (bool, error) { return true, nil }
