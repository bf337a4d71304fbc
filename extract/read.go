package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/baocao/baocao/corpus"
)

// Options control a read.
type Options struct {
	// MaxBytes caps how much a reader may decompress or allocate for one
	// file (for example the expanded size of a DOCX part). 0 means the
	// reader's default.
	MaxBytes int64
	// Password opens an encrypted file that needs a user password (or
	// opens it with its owner password). Files that need none open
	// without it.
	Password string `json:",omitempty"`
}

// Reader reads one format. r holds size bytes of the file named path
// (used in errors and in Document.Path). A Reader must honour ctx where
// it loops over pages or parts, must not panic on hostile input where it
// can avoid it, and must return errors that wrap the sentinel errors of
// this package where they apply.
type Reader func(ctx context.Context, r io.ReaderAt, size int64, path string, opt Options) (*Document, error)

var (
	mu      sync.RWMutex
	readers = map[corpus.Format]Reader{}
)

// Register makes a reader available for a format. It is meant to be
// called from the init function of a reader package.
func Register(f corpus.Format, r Reader) {
	mu.Lock()
	defer mu.Unlock()
	readers[f] = r
}

// Errors that readers wrap, so that callers can tell failures apart.
var (
	ErrUnsupported = errors.New("unsupported format")
	ErrEncrypted   = errors.New("encrypted")
	ErrCorrupt     = errors.New("corrupt file")
	ErrTooLarge    = errors.New("too large")
	ErrNoText      = errors.New("no text layer: needs OCR")
	ErrEmpty       = errors.New("empty file")
)

// Read reads the file at path in this process. The format is detected
// from the content.
func Read(ctx context.Context, path string, opt Options) (*Document, error) {
	return readFile(ctx, path, "", opt)
}

// ReadFile reads f, a file inspected by package corpus, in this process,
// as the format f.Format detected there.
func ReadFile(ctx context.Context, f corpus.File, opt Options) (*Document, error) {
	if f.Format == "" {
		return nil, fmt.Errorf("%s: format not detected", f.Path)
	}
	return readFile(ctx, f.Path, f.Format, opt)
}

// readFile reads the file at path as format, or as the format detected
// from its content when format is "".
func readFile(ctx context.Context, path string, format corpus.Format, opt Options) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory: %w", path, ErrUnsupported)
	}
	if st.Size() == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	if format == "" {
		if format, err = corpus.Detect(f, st.Size(), path); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return ReadFormat(ctx, f, st.Size(), path, format, opt)
}

// ReadFormat reads r as the given format. Tables broken across pages
// are joined (see MergeTables).
func ReadFormat(ctx context.Context, r io.ReaderAt, size int64, path string, format corpus.Format, opt Options) (*Document, error) {
	mu.RLock()
	rd := readers[format]
	mu.RUnlock()
	if rd == nil {
		return nil, fmt.Errorf("%s: format %q: %w", path, format, ErrUnsupported)
	}
	doc, err := rd(ctx, r, size, path, opt)
	if doc != nil {
		MergeTables(doc)
	}
	if err != nil {
		return nil, err
	}
	doc.Path = path
	doc.Format = format
	return doc, nil
}
