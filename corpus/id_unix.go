//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"syscall"
)

// fileID identifies a folder independently of the path it is reached by.
type fileID struct {
	dev, ino uint64
	path     string
}

func idOf(path string, info fs.FileInfo) (fileID, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// openNoBlock opens path for reading without blocking on a named pipe
// that has no writer (or a device that waits for one).
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
