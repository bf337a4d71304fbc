//go:build unix

package corpus

import (
	"io/fs"
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
