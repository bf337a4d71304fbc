package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	rd, warn, err := open(r, size, path, opt.Password)
	if err != nil {
		return nil, err
	}
	doc = &extract.Document{Path: path, Format: corpus.PDF}
	if warn != "" {
		doc.Warnings = append(doc.Warnings, warn)
	}
	var leaves []lpdf.Page
	if err := guard(path, "reading the page tree", func() error {
		doc.Meta = readMeta(rd.Trailer().Key("Info"))
		var e error
		leaves, e = pageLeaves(rd.Trailer().Key("Root").Key("Pages"))
		return e
	}); err != nil {
		return nil, err
	}
	doc.Pages = len(leaves)
	pages := make([]*page, 0, len(leaves))
	var dc docCache
	hint := 0
	for i, lp := range leaves {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%s: page %d: %w", path, i+1, err)
		}
		var p *page
		if err := guard(path, fmt.Sprintf("page %d", i+1), func() error {
			p = readPage(lp, i+1, &dc, hint)
			hint = len(p.Glyphs)
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
