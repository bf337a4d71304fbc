package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
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
	ErrTooLarge    = corpus.ErrTooLarge // the same sentinel as corpus's size cap
	ErrNoText      = errors.New("no text layer: needs OCR")
	ErrEmpty       = errors.New("empty file")
)

// Read reads the file at path in this process: it loads it with
// corpus.Load (the content read once, its format detected) and reads it
// with ReadFile.
func Read(ctx context.Context, path string, opt Options) (*Document, error) {
	f, err := corpus.Load(path)
	if err != nil {
		return nil, err
	}
	return ReadFile(ctx, f, opt)
}

// ReadFile reads f, a file inspected by package corpus, in this process:
// its content f.Data as the format f.Format detected there.
func ReadFile(ctx context.Context, f corpus.File, opt Options) (*Document, error) {
	if err := loaded(f); err != nil {
		return nil, err
	}
	return ReadFormat(ctx, bytes.NewReader(f.Data), int64(len(f.Data)), f.Path, f.Format, opt)
}

// loaded checks that f was inspected: its format detected and its
// content read. An empty file is ErrEmpty.
func loaded(f corpus.File) error {
	if f.Format == "" || f.Data == nil && f.Size > 0 {
		return fmt.Errorf("%s: not inspected (content and format unknown)", f.Path)
	}
	if len(f.Data) == 0 {
		return fmt.Errorf("%s: %w", f.Path, ErrEmpty)
	}
	return nil
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
