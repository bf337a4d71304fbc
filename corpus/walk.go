package corpus

import (
	"bytes"
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
	"unicode/utf8"
)

// Errors of a File that cannot be read, wrapped with its path.
var (
	// ErrNotRegular: not a regular file, such as a named pipe or a
	// device.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: over the size cap of [Inspect].
	ErrTooLarge = errors.New("too large")
	// ErrChanged: the file kept changing while it was read.
	ErrChanged = errors.New("changed while being read; ingest it again once it is written")
)

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
	// Data is the content, read once by [Inspect]: the bytes hashed,
	// detected and parsed. A [Batch] drops it once the file is
	// processed.
	Data []byte
	// Explicit is set for a file named on the command line rather than
	// found in a folder.
	Explicit bool
	// Err is set when the file cannot be read; the other fields may be
	// zero. A batch records such a file as failed and goes on.
	Err error
}

// Escape returns a file name, or a message naming files, as it can be
// shown: unchanged when it is valid UTF-8, else with each byte that is
// not part of a valid UTF-8 sequence written as \xHH (as Go writes it
// in a quoted string). A name on Linux is any bytes but / and NUL; the
// file is still opened by its bytes, only what people see is escaped.
func Escape(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, n := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, "\\x%02x", name[i])
		} else {
			b.WriteString(name[i : i+n])
		}
		i += n
	}
	return b.String()
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

// SkipReason says why a walk passed over a file found in a folder.
type SkipReason int

// The reasons a walk skips a file. Files named on the command line are
// never skipped.
const (
	SkipHidden      SkipReason = iota + 1 // ".git", ".DS_Store": hidden files and folders
	SkipLockFile                          // "~$report.docx": an Office lock file
	SkipOldWord                           // ".doc": Word 97–2003, not read
	SkipSpreadsheet                       // ".xls", ".xlsx", ".ods", ".csv"
	SkipArchive                           // ".zip", ".rar", ".7z", …
	SkipImage                             // ".jpg", ".png", ".tif": a scan not in a PDF
	SkipOtherDoc                          // ".odt", ".rtf", ".pptx", …: another document format
	SkipNotReport                         // anything else
)

var skipReasons = [...]string{
	SkipHidden:      "hidden",
	SkipLockFile:    "Office lock file",
	SkipOldWord:     "old Word .doc: save as .docx",
	SkipSpreadsheet: "spreadsheet",
	SkipArchive:     "archive: unzip it first",
	SkipImage:       "image: scan it to PDF",
	SkipOtherDoc:    "other document format: save as .docx or PDF",
	SkipNotReport:   "not a report",
}

// String says what to do about a skipped file, in English: "old Word
// .doc: save as .docx".
func (r SkipReason) String() string {
	if r <= 0 || int(r) >= len(skipReasons) {
		return fmt.Sprintf("SkipReason(%d)", int(r))
	}
	return skipReasons[r]
}

// MarshalText writes the reason as its String.
func (r SkipReason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a reason written by MarshalText.
func (r *SkipReason) UnmarshalText(b []byte) error {
	for i, s := range skipReasons {
		if i > 0 && s == string(b) {
			*r = SkipReason(i)
			return nil
		}
	}
	return fmt.Errorf("corpus: unknown skip reason %q", b)
}

// Skipped is a file (or hidden folder) that a walk found and passed
// over.
type Skipped struct {
	Path   string     `json:"path"`
	Reason SkipReason `json:"reason"`
}

// skipExts gives the reason for skipping a file by its extension.
var skipExts = map[string]SkipReason{
	".doc": SkipOldWord, ".dot": SkipOldWord, ".docm": SkipOldWord, ".wps": SkipOldWord,
	".xls": SkipSpreadsheet, ".xlsx": SkipSpreadsheet, ".xlsm": SkipSpreadsheet, ".ods": SkipSpreadsheet, ".csv": SkipSpreadsheet,
	".zip": SkipArchive, ".rar": SkipArchive, ".7z": SkipArchive, ".tar": SkipArchive, ".gz": SkipArchive, ".tgz": SkipArchive, ".bz2": SkipArchive, ".xz": SkipArchive,
	".jpg": SkipImage, ".jpeg": SkipImage, ".png": SkipImage, ".tif": SkipImage, ".tiff": SkipImage, ".bmp": SkipImage, ".gif": SkipImage, ".heic": SkipImage,
	".odt": SkipOtherDoc, ".rtf": SkipOtherDoc, ".pptx": SkipOtherDoc, ".ppt": SkipOtherDoc, ".html": SkipOtherDoc, ".htm": SkipOtherDoc, ".xml": SkipOtherDoc, ".epub": SkipOtherDoc,
}

// skipReason returns why a folder entry is not a report, or 0 for a
// report.
func skipReason(name string) SkipReason {
	switch {
	case strings.HasPrefix(name, "~$"):
		return SkipLockFile
	case strings.HasPrefix(name, "."):
		return SkipHidden
	case IsReportName(name):
		return 0
	}
	if r, ok := skipExts[strings.ToLower(filepath.Ext(name))]; ok {
		return r
	}
	return SkipNotReport
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
	return WalkSkipped(ctx, roots, fn, nil)
}

// WalkSkipped is [Walk] that also tells skip, if not nil, of every entry
// of a folder it passes over, with the reason: hidden files and folders
// (not entered), lock files, and files that are not reports (.doc,
// spreadsheets, archives, images, …).
func WalkSkipped(ctx context.Context, roots []string, fn func(File) error, skip func(Skipped)) error {
	if skip == nil {
		skip = func(Skipped) {}
	}
	w := walker{ctx: ctx, fn: fn, skip: skip, seen: map[fileID]bool{}}
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
	skip func(Skipped)
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
		p := filepath.Join(path, name)
		if r := skipReason(name); r == SkipHidden || r == SkipLockFile {
			w.skip(Skipped{Path: p, Reason: r})
			continue
		}
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
		if r := skipReason(name); r != 0 {
			w.skip(Skipped{Path: p, Reason: r})
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

// DefaultMaxSize is the largest file [Inspect] reads when not told
// otherwise: 256 MiB, far above any report, scanned or not.
const DefaultMaxSize = 256 << 20

// inspectTries is how many times Inspect reads a file that changes
// while it is read before it gives up.
const inspectTries = 3

// Load returns the file at path as [Walk] yields a root that is a file,
// inspected ([Inspect], with the default size cap): its content read,
// hashed and its format detected. A folder, a missing file and a file
// that is not a regular file (a named pipe, a device, a socket, or a
// link to one) are errors; the last wraps [ErrNotRegular].
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
	err = Inspect(&f, 0)
	return f, err
}

// Inspect reads the content of f.Path once into f.Data, hashes those
// bytes (f.SHA256) and detects their format (f.Format), and sets f.Size
// and f.ModTime from the open file, so that everything describes the
// same bytes: the bytes the pipeline then parses. maxSize caps the
// size read; 0 means [DefaultMaxSize].
//
// The file is opened without blocking, so that a named pipe or a device
// put in a report's place is refused at once with an error wrapping
// [ErrNotRegular] instead of hanging. A file larger than maxSize is an
// error wrapping [ErrTooLarge]. A file whose size or modification time
// changes while it is read (it is being copied or saved) is read again,
// up to three times, and then is an error wrapping [ErrChanged].
func Inspect(f *File, maxSize int64) error {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	var err error
	for try := range inspectTries {
		if try > 0 {
			time.Sleep(time.Duration(try) * 50 * time.Millisecond)
		}
		if err = inspect(f, maxSize); !errors.Is(err, ErrChanged) {
			return err
		}
	}
	return err
}

// testHookRead, when set by a test, is called by Inspect between the
// read and the check that the file did not change.
var testHookRead func(path string)

// inspect is one attempt of Inspect.
func inspect(f *File, maxSize int64) error {
	fh, err := openNoBlock(f.Path)
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
	if st.Size() > maxSize {
		return fmt.Errorf("%s: %w: %d bytes, over the %d-byte limit", f.Path, ErrTooLarge, st.Size(), maxSize)
	}
	// Read the size the file had, then try one byte more, to see a file
	// that shrank or grew.
	data := make([]byte, st.Size())
	n, err := io.ReadFull(fh, data)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	var more [1]byte
	if k, _ := fh.Read(more[:]); k > 0 {
		n++ // grew
	}
	if testHookRead != nil {
		testHookRead(f.Path)
	}
	after, err := fh.Stat()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if int64(n) != st.Size() || after.Size() != st.Size() || !after.ModTime().Equal(st.ModTime()) {
		return fmt.Errorf("%s: %w (%d bytes at open, %d after)", f.Path, ErrChanged, st.Size(), after.Size())
	}
	format, err := Detect(bytes.NewReader(data), int64(len(data)), f.Path)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	sum := sha256.Sum256(data)
	f.Size, f.ModTime = st.Size(), st.ModTime()
	f.SHA256 = hex.EncodeToString(sum[:])
	f.Format = format
	f.Data = data
	return nil
}
