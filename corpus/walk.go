package corpus

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrNotRegular is wrapped by the error of a File that is not a regular
// file, such as a named pipe or a device.
var ErrNotRegular = errors.New("not a regular file")

// File is one report file found by [Walk].
type File struct {
	// Path is the file's path as reached from the root it was found in.
	Path string
	// Size and ModTime are the file's size and modification time.
	Size    int64
	ModTime time.Time
	// Format is the format detected from the content. It is set by
	// [Inspect] (a [Batch] does it in its workers) and empty before.
	Format Format
	// SHA256 is the lower-case hex SHA-256 of the content, set by
	// [Inspect].
	SHA256 string
	// Explicit is set for a file named on the command line rather than
	// found in a folder.
	Explicit bool
	// Err is set when the file cannot be read; the other fields may be
	// zero. A batch records such a file as failed and goes on.
	Err error
}

// reportExts are the extensions that make a file in a folder a report.
var reportExts = []string{".pdf", ".docx", ".txt", ".md"}

// IsReportName reports whether name has one of the extensions that make
// a file found in a folder a report: .pdf, .docx, .txt or .md, in any
// case.
func IsReportName(name string) bool {
	ext := filepath.Ext(name)
	for _, e := range reportExts {
		if strings.EqualFold(ext, e) {
			return true
		}
	}
	return false
}

// skipName reports whether a directory entry is hidden (".git",
// ".DS_Store") or an Office lock file ("~$report.docx").
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// Walk calls fn for every report under roots, in order: roots in the
// order given, and the entries of each folder in lexical order.
//
// A root that is a folder is walked recursively; hidden files and
// folders and Office lock files (~$name) are skipped, and a file is a
// report if [IsReportName] says so. A root that is a file is yielded
// whatever its name. Symbolic links are followed, but a folder is
// walked at most once, so link loops end. A folder named like a report
// ("x.pdf/") is walked as a folder.
//
// Problems with one path do not stop the walk: a root that does not
// exist, a folder that cannot be listed, a dangling link with a report
// extension or a report that is not a regular file is passed to fn as a
// File with Err set. Walk stops when fn returns an error, which it
// returns, or when ctx is done, returning ctx.Err().
func Walk(ctx context.Context, roots []string, fn func(File) error) error {
	w := walker{ctx: ctx, fn: fn, seen: map[fileID]bool{}}
	for _, root := range roots {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, err := os.Stat(root)
		if err != nil {
			if err := fn(File{Path: root, Explicit: true, Err: err}); err != nil {
				return err
			}
			continue
		}
		if info.IsDir() {
			if err := w.dir(root, info); err != nil {
				return err
			}
			continue
		}
		if err := fn(fileFromInfo(root, info, true)); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx  context.Context
	fn   func(File) error
	seen map[fileID]bool
}

func (w *walker) dir(path string, info fs.FileInfo) error {
	if id, ok := idOf(path, info); ok {
		if w.seen[id] {
			return nil
		}
		w.seen[id] = true
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		// ReadDir returns the entries it could read before the error.
		if err := w.fn(File{Path: path, Err: err}); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if skipName(name) {
			continue
		}
		p := filepath.Join(path, name)
		var info fs.FileInfo
		var err error
		if e.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(p)
		} else {
			info, err = e.Info()
		}
		if err != nil {
			if IsReportName(name) {
				if err := w.fn(File{Path: p, Err: err}); err != nil {
					return err
				}
			}
			continue
		}
		if info.IsDir() {
			if err := w.dir(p, info); err != nil {
				return err
			}
			continue
		}
		if !IsReportName(name) {
			continue
		}
		if err := w.fn(fileFromInfo(p, info, false)); err != nil {
			return err
		}
	}
	return nil
}

func fileFromInfo(path string, info fs.FileInfo, explicit bool) File {
	f := File{Path: path, Size: info.Size(), ModTime: info.ModTime(), Explicit: explicit}
	if !info.Mode().IsRegular() {
		f.Err = fmt.Errorf("%s: %w (%s)", path, ErrNotRegular, modeName(info.Mode()))
	}
	return f
}

func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return m.Type().String()
}

// hashBufSize is the read size used when hashing.
const hashBufSize = 128 << 10

// HashFile returns the lower-case hex SHA-256 of the file at path,
// reading it as a stream.
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.CopyBuffer(h, f, make([]byte, hashBufSize)); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Load returns the file at path as [Walk] yields a root that is a file,
// inspected ([Inspect]): its format detected and its content hashed. A
// folder, a missing file and a file that is not a regular file (a named
// pipe, a device, a socket, or a link to one) are errors; the last
// wraps [ErrNotRegular].
func Load(path string) (File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return File{Path: path}, err
	}
	if info.IsDir() {
		return File{Path: path}, fmt.Errorf("%s: is a directory", path)
	}
	f := fileFromInfo(path, info, true)
	if f.Err != nil {
		return f, f.Err
	}
	err = Inspect(&f)
	return f, err
}

// Inspect opens f.Path once to hash its content and detect its format,
// setting f.SHA256 and f.Format, and refreshes f.Size and f.ModTime
// from the open file so that they describe the content hashed. A file
// that is not a regular file is an error wrapping [ErrNotRegular].
func Inspect(f *File) error {
	fh, err := os.Open(f.Path)
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: %w (%s)", f.Path, ErrNotRegular, modeName(st.Mode()))
	}
	h := sha256.New()
	if _, err := io.CopyBuffer(h, fh, make([]byte, hashBufSize)); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	format, err := Detect(fh, st.Size(), f.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	f.Size, f.ModTime = st.Size(), st.ModTime()
	f.SHA256 = hex.EncodeToString(h.Sum(nil))
	f.Format = format
	return nil
}
