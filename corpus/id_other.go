//go:build !unix

package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
)

// fileID identifies a folder independently of the path it is reached by.
type fileID struct {
	dev, ino uint64
	path     string
}

func idOf(path string, info fs.FileInfo) (fileID, bool) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fileID{}, false
	}
	abs, err := filepath.Abs(real)
	if err != nil {
		return fileID{}, false
	}
	return fileID{path: abs}, true
}

// openNoBlock opens path for reading.
func openNoBlock(path string) (*os.File, error) {
	return os.Open(path)
}
