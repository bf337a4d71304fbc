package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	lpdf "github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/extract"
)

func init() {
	extract.Register(corpus.PDF, Read)
}

// Limits on the document structure.
const (
	maxPages     = 10000
	maxTreeDepth = 64
	// maxPrevChain bounds the /Prev chain of cross-reference sections
	// checked before the file is handed to the parser.
	maxPrevChain = 1000
)

// Read reads the PDF held in the size bytes of r; path names it in
// errors and in the Document. See the package documentation for what
// it extracts and its limits.
//
// Errors wrap extract.ErrCorrupt (the parser failed or panicked),
// extract.ErrEncrypted (a password is needed or the cipher is not
// supported), extract.ErrNoText (no page has a text layer: the Document
// is returned too) or ctx.Err().
func Read(ctx context.Context, r io.ReaderAt, size int64, path string, opt extract.Options) (doc *extract.Document, err error) {
	if size <= 0 {
		return nil, fmt.Errorf("%s: %w", path, extract.ErrEmpty)
	}
	if opt.MaxBytes > 0 && size > opt.MaxBytes {
		return nil, fmt.Errorf("%s: %d bytes: %w", path, size, extract.ErrTooLarge)
	}
	ra, size, err := precheck(r, size, path)
	if err != nil {
		return nil, err
	}
	var rd *lpdf.Reader
	if err := guard(path, "opening", func() error {
		var e error
		rd, e = lpdf.NewReader(ra, size)
		return e
	}); err != nil {
		return nil, classifyOpenErr(path, err)
	}
	doc = &extract.Document{Path: path, Format: corpus.PDF}
	var leaves []lpdf.Page
	if err := guard(path, "reading the page tree", func() error {
		if enc := rd.Trailer().Key("Encrypt"); enc.Kind() == lpdf.Dict {
			if v, rev := enc.Key("V").Int64(), enc.Key("R").Int64(); v >= 5 || rev >= 5 {
				return fmt.Errorf("%w (AES-256): unsupported", extract.ErrEncrypted)
			}
		}
		doc.Meta = readMeta(rd.Trailer().Key("Info"))
		var e error
		leaves, e = pageLeaves(rd.Trailer().Key("Root").Key("Pages"))
		return e
	}); err != nil {
		return nil, err
	}
	doc.Pages = len(leaves)
	pages := make([]*page, 0, len(leaves))
	for i, lp := range leaves {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", path, i+1, err)
		}
		var p *page
		if err := guard(path, fmt.Sprintf("page %d", i+1), func() error {
			p = readPage(lp, i+1)
			return nil
		}); err != nil {
			// One broken page does not lose the others.
			doc.Warnings = append(doc.Warnings, err.Error())
			p = &page{N: i + 1, Width: 595, Height: 842}
		}
		pages = append(pages, p)
	}
	if err := guard(path, "layout", func() error {
		layout(pages, doc)
		return nil
	}); err != nil {
		return nil, err
	}
	if len(pages) > 0 && len(doc.NoTextPages) == len(pages) {
		return doc, fmt.Errorf("%s: %w (pages %s)", path, extract.ErrNoText, pageRanges(doc.NoTextPages))
	}
	if len(pages) == 0 {
		return doc, fmt.Errorf("%s: no pages: %w", path, extract.ErrCorrupt)
	}
	return doc, nil
}

// guard runs f, turning a panic into an error that wraps
// extract.ErrCorrupt and names the file and what was being done.
func guard(path, what string, f func() error) (err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("%s: %s: parser panic: %v: %w", path, what, x, extract.ErrCorrupt)
		}
	}()
	if err := f(); err != nil {
		if errors.Is(err, extract.ErrEncrypted) || errors.Is(err, extract.ErrCorrupt) {
			return fmt.Errorf("%s: %w", path, err)
		}
		return fmt.Errorf("%s: %s: %v: %w", path, what, err, extract.ErrCorrupt)
	}
	return nil
}

// classifyOpenErr maps an error of lpdf.NewReader to the sentinels.
func classifyOpenErr(path string, err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "V=5") || strings.Contains(msg, "R=5") || strings.Contains(msg, "R=6"):
		return fmt.Errorf("%s: %w (AES-256): unsupported", path, extract.ErrEncrypted)
	case strings.Contains(msg, "password"):
		return fmt.Errorf("%s: %w: needs a user password", path, extract.ErrEncrypted)
	case strings.Contains(msg, "encryption"):
		return fmt.Errorf("%s: %w: %v", path, extract.ErrEncrypted, unwrapMsg(err))
	}
	return err
}

// unwrapMsg returns the message of the innermost error of err.
func unwrapMsg(err error) string {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err.Error()
		}
		if errors.Is(u, extract.ErrCorrupt) {
			// err is "path: what: msg: corrupt file"; keep msg.
			s := err.Error()
			if i := strings.LastIndex(s, ": "+extract.ErrCorrupt.Error()); i > 0 {
				s = s[:i]
			}
			if i := strings.LastIndex(s, ": "); i > 0 {
				s = s[i+2:]
			}
			return s
		}
		err = u
	}
}

var (
	prevRE    = regexp.MustCompile(`/Prev\s+(\d+)`)
	sizeRE    = regexp.MustCompile(`/Size\s+(\d+)`)
	encryptRE = regexp.MustCompile(`/Encrypt\s+(\d+)\s+(\d+)\s+R`)
	vRE       = regexp.MustCompile(`/V\s+(\d+)`)
	rRE       = regexp.MustCompile(`/R\s+(\d+)`)
)

// precheck looks at the raw bytes before the parser does: it finds the
// header, rejects what the parser would loop or run out of memory on
// (a /Prev chain that loops, a /Size far beyond the file), reports
// AES-256 encryption, and returns a reader positioned at the header
// with the version patched to one the parser accepts.
func precheck(r io.ReaderAt, size int64, path string) (io.ReaderAt, int64, error) {
	head := make([]byte, 1024)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	off := bytes.Index(head, []byte("%PDF-"))
	if off < 0 {
		return nil, 0, fmt.Errorf("%s: no %%PDF- header: %w", path, extract.ErrCorrupt)
	}
	base := io.NewSectionReader(r, int64(off), size-int64(off))
	size -= int64(off)
	tailLen := int64(4096)
	if tailLen > size {
		tailLen = size
	}
	tail := make([]byte, tailLen)
	if _, err := base.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return nil, 0, fmt.Errorf("%s: %v: %w", path, err, extract.ErrCorrupt)
	}
	if !bytes.Contains(tail, []byte("%%EOF")) || !bytes.Contains(tail, []byte("startxref")) {
		return nil, 0, fmt.Errorf("%s: no startxref/%%%%EOF at the end (truncated?): %w", path, extract.ErrCorrupt)
	}
	i := bytes.LastIndex(tail, []byte("startxref"))
	fields := bytes.Fields(tail[i+len("startxref"):])
	if len(fields) == 0 {
		return nil, 0, fmt.Errorf("%s: startxref without offset: %w", path, extract.ErrCorrupt)
	}
	start, err := strconv.ParseInt(string(fields[0]), 10, 64)
	if err != nil || start <= 0 || start >= size {
		return nil, 0, fmt.Errorf("%s: startxref offset %q out of range: %w", path, fields[0], extract.ErrCorrupt)
	}
	// Walk the /Prev chain of cross-reference sections.
	seen := map[int64]bool{}
	for at := start; at > 0; {
		if seen[at] {
			return nil, 0, fmt.Errorf("%s: cross-reference /Prev chain loops at offset %d: %w", path, at, extract.ErrCorrupt)
		}
		if len(seen) >= maxPrevChain || at >= size {
			return nil, 0, fmt.Errorf("%s: cross-reference section at %d out of range: %w", path, at, extract.ErrCorrupt)
		}
		seen[at] = true
		dict := xrefDict(base, at, size)
		if m := sizeRE.FindSubmatch(dict); m != nil {
			if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > size {
				return nil, 0, fmt.Errorf("%s: xref /Size %s exceeds the file: %w", path, m[1], extract.ErrCorrupt)
			}
		}
		if m := encryptRE.FindSubmatch(dict); m != nil {
			if v, rev := encryptVR(base, size, string(m[1])); v >= 5 || rev >= 5 {
				return nil, 0, fmt.Errorf("%s: %w (AES-256): unsupported", path, extract.ErrEncrypted)
			}
		}
		m := prevRE.FindSubmatch(dict)
		if m == nil {
			break
		}
		at, err = strconv.ParseInt(string(m[1]), 10, 64)
		if err != nil {
			break
		}
	}
	return &headerPatch{base}, size, nil
}

// xrefDict returns the trailer dictionary text of the cross-reference
// section at offset at: for a table, what follows "trailer"; for a
// stream, the stream dictionary. At most 64 KiB are searched.
func xrefDict(r io.ReaderAt, at, size int64) []byte {
	n := int64(64 << 10)
	if at+n > size {
		n = size - at
	}
	buf := make([]byte, n)
	k, _ := r.ReadAt(buf, at)
	buf = buf[:k]
	if bytes.HasPrefix(bytes.TrimSpace(buf), []byte("xref")) {
		if i := bytes.Index(buf, []byte("trailer")); i >= 0 {
			buf = buf[i:]
		}
	}
	if i := bytes.Index(buf, []byte("stream")); i >= 0 {
		buf = buf[:i]
	}
	if i := bytes.Index(buf, []byte("startxref")); i >= 0 {
		buf = buf[:i]
	}
	return buf
}

// encryptVR finds object id's definition in the raw file and reads its
// /V and /R entries; -1 when not found.
func encryptVR(r io.ReaderAt, size int64, id string) (v, rev int64) {
	v, rev = -1, -1
	re := regexp.MustCompile(`(?:^|[\r\n\s])` + regexp.QuoteMeta(id) + `\s+\d+\s+obj`)
	const chunk = 1 << 20
	buf := make([]byte, chunk+256)
	for at := int64(0); at < size; at += chunk {
		k, _ := r.ReadAt(buf, at)
		loc := re.FindIndex(buf[:k])
		if loc == nil {
			continue
		}
		end := loc[1] + 4096
		if end > k {
			end = k
		}
		d := buf[loc[1]:end]
		if i := bytes.Index(d, []byte("endobj")); i >= 0 {
			d = d[:i]
		}
		if m := vRE.FindSubmatch(d); m != nil {
			v, _ = strconv.ParseInt(string(m[1]), 10, 64)
		}
		if m := rRE.FindSubmatch(d); m != nil {
			rev, _ = strconv.ParseInt(string(m[1]), 10, 64)
		}
		return v, rev
	}
	return v, rev
}

// headerPatch presents a PDF whose header names any version as
// "%PDF-1.7", the versions the parser accepts; the objects the parser
// reads are the same for PDF 2.0.
type headerPatch struct{ r io.ReaderAt }

// ReadAt implements io.ReaderAt.
func (h *headerPatch) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.r.ReadAt(p, off)
	const hdr = "%PDF-1.7\n"
	for i := 0; i < n; i++ {
		if o := off + int64(i); o < int64(len(hdr)) {
			p[i] = hdr[o]
		}
	}
	return n, err
}

// pageLeaves walks the page tree and returns the page leaves in order.
// Unlike Reader.Page it cannot loop: depth and count are bounded.
func pageLeaves(root lpdf.Value) ([]lpdf.Page, error) {
	var out []lpdf.Page
	visits := 0
	var walk func(v lpdf.Value, depth int) error
	walk = func(v lpdf.Value, depth int) error {
		visits++
		if depth > maxTreeDepth || visits > 4*maxPages {
			return errors.New("page tree too deep or cyclic")
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Page" || kids.Kind() != lpdf.Array {
			if v.Kind() == lpdf.Dict {
				if len(out) >= maxPages {
					return fmt.Errorf("more than %d pages", maxPages)
				}
				out = append(out, lpdf.Page{V: v})
			}
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if root.Kind() != lpdf.Dict {
		return nil, errors.New("no page tree")
	}
	err := walk(root, 0)
	return out, err
}

// readMeta reads the /Info dictionary.
func readMeta(info lpdf.Value) extract.Meta {
	var m extract.Meta
	if info.Kind() != lpdf.Dict {
		return m
	}
	m.Title = norm.NFC.String(infoText(info.Key("Title")))
	m.Created = parseDate(infoText(info.Key("CreationDate")))
	m.Modified = parseDate(infoText(info.Key("ModDate")))
	return m
}

// infoText returns an /Info string without the control characters
// that the parser leaves in, such as AES block padding.
func infoText(v lpdf.Value) string {
	s := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, v.Text())
	return strings.TrimSpace(s)
}

// parseDate parses a PDF date, "D:YYYYMMDDHHmmSSOHH'mm'", with any
// suffix after the year optional. It returns the zero time if s is not
// a date.
func parseDate(s string) time.Time {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 {
		return time.Time{}
	}
	digits := func(i, n, def int) int {
		if i+n > len(s) {
			return def
		}
		v, err := strconv.Atoi(s[i : i+n])
		if err != nil {
			return def
		}
		return v
	}
	year := digits(0, 4, -1)
	if year < 0 {
		return time.Time{}
	}
	mon, day := digits(4, 2, 1), digits(6, 2, 1)
	hh, mm, ss := digits(8, 2, 0), digits(10, 2, 0), digits(12, 2, 0)
	loc := time.UTC
	if len(s) > 14 {
		switch s[14] {
		case '+', '-':
			oh, om := digits(15, 2, 0), 0
			if len(s) > 18 && s[17] == '\'' {
				om = digits(18, 2, 0)
			}
			sec := (oh*60 + om) * 60
			if s[14] == '-' {
				sec = -sec
			}
			loc = time.FixedZone("", sec)
		}
	}
	if mon < 1 || mon > 12 || day < 1 || day > 31 {
		return time.Time{}
	}
	return time.Date(year, time.Month(mon), day, hh, mm, ss, 0, loc)
}

// pageRanges formats sorted page numbers as "1-3, 5".
func pageRanges(ps []int) string {
	var b strings.Builder
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		if j > i {
			fmt.Fprintf(&b, "%d-%d", ps[i], ps[j])
		} else {
			fmt.Fprintf(&b, "%d", ps[i])
		}
		i = j + 1
	}
	return b.String()
}
