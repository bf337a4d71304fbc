package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/baocao/baocao/extract"
)

// Where the reader looks for the header and for the end of the file.
const (
	// headerWindow is how far into the file "%PDF-" may start: junk
	// before it (a mail header, a BOM) is skipped, as poppler does.
	headerWindow = 1024
	// tailWindow is how far from the end the last "%%EOF" is looked
	// for; what follows it (a comment, spaces, NULs, newlines) is cut.
	tailWindow = 64 << 10
)

var (
	prevRE    = regexp.MustCompile(`/Prev\s+(\d+)`)
	sizeRE    = regexp.MustCompile(`/Size\s+(\d+)`)
	encryptRE = regexp.MustCompile(`/Encrypt\s+\d+\s+\d+\s+R`)
)

// open opens the PDF in the size bytes of r for the parser, repairing
// what poppler repairs (see the package documentation), and decrypting
// it with password ("" for none) if it is encrypted. warn says what was
// repaired.
func open(r io.ReaderAt, size int64, path, password string) (rd *lpdf.Reader, warn string, err error) {
	head := make([]byte, headerWindow)
	n, _ := r.ReadAt(head, 0)
	off := bytes.Index(head[:n], []byte("%PDF-"))
	if off < 0 {
		return nil, "", fmt.Errorf("%s: no %%PDF- header: %w", path, extract.ErrCorrupt)
	}
	base := io.NewSectionReader(r, int64(off), size-int64(off))
	size -= int64(off)
	if off > 0 {
		warn = fmt.Sprintf("%d bytes before the %%PDF- header skipped", off)
	}
	// Cut the file after its last %%EOF.
	tl := min(size, tailWindow)
	tail := make([]byte, tl)
	if _, err := base.ReadAt(tail, size-tl); err != nil && err != io.EOF {
		return nil, "", fmt.Errorf("%s: %v: %w", path, err, extract.ErrCorrupt)
	}
	end := size
	if i := bytes.LastIndex(tail, []byte("%%EOF")); i >= 0 {
		end = size - tl + int64(i) + 5
		if end < size && tail[end-(size-tl)] == '\r' {
			end++
		}
		if end < size && tail[end-(size-tl)] == '\n' {
			end++
		}
	}
	if end < size {
		warn = join(warn, fmt.Sprintf("%d bytes after %%%%EOF ignored", size-end))
	}
	view := io.NewSectionReader(base, 0, end)
	sound, encrypted := checkXref(view, end, tail)
	if encrypted {
		data, err := readAll(view, end)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
		clear, err := decryptFile(data, password)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
		rd, err := parse(bytes.NewReader(clear), int64(len(clear)), path)
		return rd, warn, err
	}
	if sound {
		if rd, err := parse(view, end, path); err == nil && rootOK(rd) {
			return rd, warn, nil
		}
	}
	// The cross-reference table is wrong: rebuild it from the objects.
	data, err := readAll(view, end)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	fixed, err := rebuild(data)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %v: %w", path, err, extract.ErrCorrupt)
	}
	rd, err = parse(bytes.NewReader(fixed), int64(len(fixed)), path)
	if err != nil || !rootOK(rd) {
		if err == nil {
			err = fmt.Errorf("%s: no catalog: %w", path, extract.ErrCorrupt)
		}
		return nil, "", err
	}
	return rd, join(warn, "cross-reference table rebuilt from the objects"), nil
}

// join joins two warnings.
func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// readAll reads the n bytes of r.
func readAll(r io.ReaderAt, n int64) ([]byte, error) {
	data := make([]byte, n)
	if _, err := r.ReadAt(data, 0); err != nil && err != io.EOF {
		return nil, fmt.Errorf("%v: %w", err, extract.ErrCorrupt)
	}
	return data, nil
}

// parse opens r with the parser, under guard.
func parse(r io.ReaderAt, size int64, path string) (*lpdf.Reader, error) {
	var rd *lpdf.Reader
	err := guard(path, "opening", func() error {
		var e error
		rd, e = lpdf.NewReader(&headerPatch{r}, size)
		return e
	})
	return rd, err
}

// rootOK reports whether the parser finds the catalog and its page
// tree: the cross-reference table it read points at real objects.
func rootOK(rd *lpdf.Reader) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return rd.Trailer().Key("Root").Key("Pages").Kind() == lpdf.Dict
}

// checkXref looks at the cross-reference sections before the parser
// does: sound is false when startxref or a section is out of place, a
// /Prev chain loops, or /Size is beyond the file (what the parser would
// fail, loop or exhaust memory on: the table is then rebuilt), and
// encrypted is set when a trailer names an /Encrypt dictionary. tail is
// the end of the file.
func checkXref(r io.ReaderAt, size int64, tail []byte) (sound, encrypted bool) {
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return false, encryptRE.Match(tail)
	}
	fields := bytes.Fields(tail[i+len("startxref"):])
	if len(fields) == 0 {
		return false, encryptRE.Match(tail)
	}
	start, err := strconv.ParseInt(string(fields[0]), 10, 64)
	if err != nil || start <= 0 || start >= size {
		return false, encryptRE.Match(tail)
	}
	seen := map[int64]bool{}
	for at := start; at > 0; {
		if seen[at] || len(seen) >= maxPrevChain || at >= size {
			return false, encrypted
		}
		seen[at] = true
		dict, ok := xrefDict(r, at, size)
		if !ok {
			return false, encrypted || encryptRE.Match(tail)
		}
		if m := sizeRE.FindSubmatch(dict); m != nil {
			if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > size {
				return false, encrypted
			}
		}
		encrypted = encrypted || encryptRE.Match(dict)
		m := prevRE.FindSubmatch(dict)
		if m == nil {
			break
		}
		if at, err = strconv.ParseInt(string(m[1]), 10, 64); err != nil {
			break
		}
	}
	return true, encrypted
}

// xrefDict returns the trailer dictionary text of the cross-reference
// section at offset at: for a table, what follows "trailer"; for a
// stream, the stream dictionary. At most 64 KiB are searched. ok is
// false when no section starts there.
func xrefDict(r io.ReaderAt, at, size int64) ([]byte, bool) {
	n := min(int64(64<<10), size-at)
	buf := make([]byte, n)
	k, _ := r.ReadAt(buf, at)
	buf = buf[:k]
	trim := bytes.TrimLeft(buf, " \t\r\n\f\x00")
	switch {
	case bytes.HasPrefix(trim, []byte("xref")):
		i := bytes.Index(buf, []byte("trailer"))
		if i < 0 {
			return nil, false
		}
		buf = buf[i:]
	default:
		// "N G obj << /Type /XRef … >>"
		t, j := lex(trim, 0)
		t2, j2 := lex(trim, j)
		t3, _ := lex(trim, j2)
		if t.Kind != tRegular || t2.Kind != tRegular || t3.Kind != tRegular || string(trim[t3.Start:t3.End]) != "obj" {
			return nil, false
		}
	}
	if i := bytes.Index(buf, []byte("stream")); i >= 0 {
		buf = buf[:i]
	}
	if i := bytes.Index(buf, []byte("startxref")); i >= 0 {
		buf = buf[:i]
	}
	return buf, true
}
