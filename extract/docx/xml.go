package docx

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Namespaces of the elements the reader interprets.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsMath    = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
	nsChart   = "http://schemas.openxmlformats.org/drawingml/2006/chart"
	nsOffice  = "urn:schemas-microsoft-com:office:office"
)

type startElement = xml.StartElement

// decoder is a token stream over one part that checks for cancellation.
type decoder = *tokenReader

type tokenReader struct {
	ctx context.Context
	d   *xml.Decoder
	n   int
}

// newDecoder returns a decoder of r. A UTF-16 part (with a byte-order
// mark) is converted to UTF-8 first.
func newDecoder(ctx context.Context, r io.Reader) decoder {
	br := bufio.NewReaderSize(r, 32<<10)
	var src io.Reader = br
	if b, _ := br.Peek(3); len(b) >= 2 {
		switch {
		case b[0] == 0xFF && b[1] == 0xFE, b[0] == 0xFE && b[1] == 0xFF:
			src = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
		case len(b) == 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
			br.Discard(3)
		}
	}
	d := xml.NewDecoder(src)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "utf16", "us-ascii", "ascii":
			return in, nil // already UTF-8
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return &tokenReader{ctx: ctx, d: d}
}

// Token returns the next token, checking ctx every few thousand tokens.
func (t *tokenReader) Token() (xml.Token, error) {
	t.n++
	if t.n&4095 == 0 {
		if err := t.ctx.Err(); err != nil {
			return nil, err
		}
	}
	return t.d.Token()
}

// eachStart calls fn for each start element up to the end of the part,
// stopping at fn's first error. fn may consume the element's content
// (with Skip, text or a reader of its own).
func (t *tokenReader) eachStart(fn func(xml.StartElement) error) error {
	for {
		tok, err := t.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := fn(se); err != nil {
				return err
			}
		}
	}
}

// Skip consumes tokens up to the end of the element just started.
func (t *tokenReader) Skip() error {
	depth := 0
	for {
		tok, err := t.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// text returns the character data of the element just started, up to
// its end; child elements are skipped.
func (t *tokenReader) text() (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := t.Token()
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.CharData:
			if depth == 0 {
				b.Write(tok)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
		}
	}
}

// isW reports whether n is the WordprocessingML element local. Writers
// that forget to declare the w prefix leave it as the space.
func isW(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == nsW || n.Space == nsWStrict || n.Space == "w")
}

// inW reports whether n is in the WordprocessingML namespace.
func inW(n xml.Name) bool {
	return n.Space == nsW || n.Space == nsWStrict || n.Space == "w"
}

// attr returns the value of the attribute local of se, in any namespace.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// wval returns w:val.
func wval(se xml.StartElement) string { return attr(se, "val") }

// onOff reads a WordprocessingML on/off property: on unless w:val says
// otherwise.
func onOff(se xml.StartElement) bool {
	switch strings.ToLower(wval(se)) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}
